# Connect Companion in Polish (Polski).
# Awaits review by a native speaker from the community.
# Connect Companion po polsku.
# Czeka na sprawdzenie przez osobę z naszej społeczności, dla której polski jest językiem ojczystym.

## Resident-facing: every language shipped covers all of these

day-at-time = { $day } o { $time }
promise-sentence = { $who ->
    [your-supporter] Osoba, która Pana/Panią wspiera, zajmie się tym: { $what }
    [you] Zajmie się Pan/Pani tym: { $what }
    [supporter] Osoba wspierająca zajmie się tym: { $what }
    [team] Zespół Connect zajmie się tym: { $what }
   *[named] { $name } zajmie się tym: { $what }
    }
weekday = { $day ->
    [1] w poniedziałek
    [2] we wtorek
    [3] w środę
    [4] w czwartek
    [5] w piątek
    [6] w sobotę
   *[7] w niedzielę
    }
date-day-month = { $day } { $month ->
    [1] stycznia
    [2] lutego
    [3] marca
    [4] kwietnia
    [5] maja
    [6] czerwca
    [7] lipca
    [8] sierpnia
    [9] września
    [10] października
    [11] listopada
   *[12] grudnia
    }
date-day-month-year = { date-day-month } { $year }
date-short = { $day } { $month ->
    [1] sty
    [2] lut
    [3] mar
    [4] kwi
    [5] maj
    [6] cze
    [7] lip
    [8] sie
    [9] wrz
    [10] paź
    [11] lis
   *[12] gru
    }
in-month = { $month ->
    [1] w styczniu
    [2] w lutym
    [3] w marcu
    [4] w kwietniu
    [5] w maju
    [6] w czerwcu
    [7] w lipcu
    [8] w sierpniu
    [9] we wrześniu
    [10] w październiku
    [11] w listopadzie
   *[12] w grudniu
    }

skip-to-content = Przejdź do treści
saved-here = Zapisane na tym telefonie
not-sent-yet = Zapisane na tym telefonie, jeszcze niewysłane
sent-to-team = Wysłane do zespołu
last-sent = Ostatnio wysłane: { $when }
never-sent = Jeszcze nic nie wysłano
send-now = Wyślij teraz
send-status = Co dotarło do zespołu
today = dzisiaj
yesterday = wczoraj
tomorrow = jutro
on-day = { $day }
in-days = { $n ->
    [one] za { $n } dzień
    [few] za { $n } dni
    [many] za { $n } dni
   *[other] za { $n } dni
    }
sending = Wysyłanie…
send-failed = Nie udało się połączyć z zespołem. Nic nie przepadło:
send-done = Wysłane.
next-send = następne wysłanie o { $time }
next-try = następna próba o { $time }
offline-waits = brak zasięgu: wyśle się, gdy zasięg wróci
send-will-retry = Nie udało się teraz połączyć z zespołem; telefon sam spróbuje jeszcze raz. Nic nie przepadło:
sent-once-joined = Zostanie wysłane, gdy ten telefon dołączy do zespołu.
join-team-to-send = Aby to wysłać, proszę dołączyć do zespołu w Ustawieniach.
add = Dodaj
never = nigdy
only-here = Tylko na tym telefonie
waiting = Jeszcze niewysłane
on-relay = Wysłane do zespołu
tab-page = Co mogę dać od siebie
tab-circle = Krąg wsparcia
tab-journal = Dziennik
about-me = O mnie
offers = Co mogę dać od siebie
asks = Czy ktoś mógłby mi pomóc w…?
goals = Cele i to, co mogłoby być możliwe
in-their-words = Własnymi słowami
in-my-words = Moimi słowami
written-down-by-supporter = zapisane przez osobę wspierającą
written-down-by-team = zapisane przez zespół
added-by = Dodane przez: { $name }
new-offer = Nowa propozycja
new-ask = Nowa prośba
new-goal = Nowy cel
category = Rodzaj pomocy
save = Zapisz
cancel = Anuluj
edit-item = Zmień
hide = Ukryj
undo = Cofnij
hidden-notice = Ukryte. Nic nie zostało usunięte i można to przywrócić.
status = Stan
status-open = Otwarte
status-in-progress = Ktoś pomaga
status-met = Spełnione
status-not-now = Nie teraz
cat-practical = Sprawy praktyczne
cat-caring = Opieka
cat-company = Towarzystwo
cat-creative = Twórczość
cat-knowledge = Wiedza
cat-other = Inne
ring-intimacy = Najbliżsi
ring-friendship = Przyjaciele
ring-participation = Grupy i zajęcia
ring-exchange = Osoby, które pomagają (za opłatą lub w zamian za coś)
ring-possibility = Nowe możliwości
circle-list-heading = Wszyscy w kręgu
ring = Krąg
two-way = Wsparcie działa w obie strony
both = w obie strony
not-today = Nie dzisiaj
note-for-resident = Ta osoba i zespół
not-today-did-not-want = Ta osoba nie chciała dziś wizyty
not-today-could-not-go = Nie udało mi się przyjść
not-today-were-out = Tej osoby nie było w domu
no-visit-saved = Zapisano: dziś bez wizyty.
notes-from-visits = Notatki z wizyt
shared = Udostępnione tej osobie
my-page = Moja strona
more-about-this-phone = Więcej
ioffer = Coś, co mogę dać od siebie
iask = Coś, w czym przydałaby mi się pomoc
hide-this = Ukryj to
not-now = Nie teraz
give-back = Oddaj telefon
resident-mode-hint = To jest Pana/Pani strona. Proszę dodać, co może Pan/Pani dać od siebie i w czym przydałaby się pomoc, własnymi słowami.
settings = Ustawienia
language = Język
done = Gotowe
error-prefix = Nie udało się: { $why }
lock = Zablokuj
locked-heading = Proszę wpisać PIN
locked-hint = Informacje o osobach zapisane na tym telefonie są zablokowane.
pin = PIN
unlock = Odblokuj
unlocking = Sprawdzanie…
loading = Otwieranie…
tab-record = Informacje
tab-checkins = Samopoczucie
tab-story = Historia
circle-changed = Jak zmieniał się krąg
or-pick-adate = Można też wybrać dowolny dzień
now = teraz
visit-on = wizyta { $day }
in-circle = W kręgu
two-way-ties = W obie strony
new-since-visit = Nowe od poprzedniej wizyty:
nothing-new = Nikogo nowego od poprzedniej wizyty.
start-checkin = Zacznij krótkie pytania
start-short-checkin = Zacznij
all-questions = Wszystkie pytania
change-last-answer = Zmień moją ostatnią odpowiedź
life-map-question = { $area }: jak to teraz wygląda?
rag-hard = Teraz jest trudno
rag-worries = Są pewne zmartwienia
rag-well = Układa się dobrze
you-lonely = Poczucie samotności
you-satisfied = Zadowolenie z życia
you-worthwhile = Poczucie, że to, co się robi, ma sens
you-happy = Poczucie szczęścia
you-anxious = Zmartwienia i niepokój
kind-better = { $what }: lepiej niż { $since }.
kind-same = { $what }: mniej więcej tak samo jak { $since }.
kind-worse = { $what }: dziękujemy za podzielenie się tym. Osoba, która Pana/Panią wspiera, jest tu, żeby spokojnie o tym porozmawiać.
no-checkins-yet = Jeszcze nie było pytań o samopoczucie.
only-one-checkin = Na razie są odpowiedzi tylko z jednego razu: następnym razem będzie widać, jak sprawy się zmieniają.
nothing-to-compare = Za każdym razem były inne pytania, więc na razie nie ma czego porównać.
how-have-things-changed = Co się u mnie zmieniło?
thank-you = Dziękujemy.
checkin-intro-count = { $n ->
    [one] Jedno krótkie pytanie
    [few] { $n } krótkie pytania
    [many] { $n } krótkich pytań
   *[other] { $n } krótkich pytań
    } o to, jak się Panu/Pani wiedzie. Można pominąć dowolne pytanie albo przerwać w każdej chwili.
checkin-intro = Kilka krótkich pytań o to, jak się Panu/Pani wiedzie. Można pominąć dowolne pytanie albo przerwać w każdej chwili.
skip = Pomiń to pytanie
not-today-thanks = Nie dzisiaj, dziękuję
stop-here = Zakończ tutaj
consent-question = Czy te odpowiedzi mogą być wliczone do zestawień zespołu, bez Pana/Pani imienia i nazwiska?
yes-count = Tak, mogą być wliczone
no-count = Nie, niech zostaną tylko dla mnie
checkin-saved = Dziękujemy. Odpowiedzi zostały zapisane.
not-today-saved = W porządku. Zapisano tylko „Nie dzisiaj”, nic więcej.
my-trend = Jak sprawy się zmieniały
story-heading = Moja historia, moimi słowami
story-hint = Ta historia należy do Pana/Pani. To Pan/Pani decyduje, kto może ją przeczytać, i można to zmienić w każdej chwili.
consent-heading = Kto może przeczytać moją historię?
consent-now = Teraz:
consent-confirm-anonymous = Osoby spoza zespołu Connect mogłyby przeczytać Pana/Pani historię. Pana/Pani imię i nazwisko oraz imiona znajomych osób zostałyby usunięte. Czy tego Pan/Pani chce?
consent-confirm-named = Osoby spoza zespołu Connect mogłyby przeczytać Pana/Pani historię, podpisaną Pana/Pani imieniem i nazwiskiem. Czy tego Pan/Pani chce?
consent-confirm-team = Wszyscy w zespole Connect mogliby przeczytać Pana/Pani historię. Czy tego Pan/Pani chce?
consent-yes = Tak, tego chcę
consent-no = Nie, proszę zostawić tak, jak jest
consent-private = Tylko ja i osoba, która mnie wspiera
consent-team = Zespół Connect
consent-anonymous = Udostępniona poza zespołem, bez mojego imienia i nazwiska
consent-named = Udostępniona poza zespołem, z moim imieniem i nazwiskiem
consent-history = Zmiany zgody
save-story = Zapisz historię
changed-by = Zmienione przez: { $name }
introductions = Propozycje poznania kogoś
intro-ask = Ktoś, kto mógłby pomóc w sprawie:
intro-offer = Ktoś, kogo może ucieszyć Pana/Pani propozycja:
intro-why = Dlaczego
intro-yes = Tak, proszę nas sobie przedstawić
intro-no = Nie, dziękuję
intro-said-yes = Pana/Pani odpowiedź: tak
intro-said-no = Pana/Pani odpowiedź: nie, dziękuję
give-back-to = Proszę oddać ten telefon tej osobie: { $name }
only-they-unlock = Tylko { $name } może go odblokować. Dziękujemy!
what-we-said = Co ustaliliśmy
when-due = najpóźniej { $day }
was-due = miało być zrobione { $day }
no-rush = bez pośpiechu
promise-open = Do zrobienia
promise-done = Zrobione
promise-not-now = Nie teraz
promise-no-longer = Już niepotrzebne
mark-no-longer = Już niepotrzebne
still-to-do = Jednak do zrobienia
promise-marked = Zaznaczone.
nothing-promised = Na razie nic nie ustalono.
earlier-promises = Zrobione i odłożone
iwill-do = + Coś, co zrobię
promise-what = Co zostanie zrobione?
save-promise = Zapisz ustalenie
promise-saved-changes = Zapisano.
next-visit = Następna wizyta
no-next-visit = Nie ma jeszcze zaplanowanej wizyty.
when-icall = kiedy zadzwonię
icall = Zadzwonię, kiedy zechcę wizyty
not-then-another-day = Nie wtedy: innego dnia
moved-at-my-wish = przełożone na moją prośbę
next-visit-saved = Następna wizyta zapisana.
wait-seconds = { $n ->
    [one] { $n } sekundę
    [few] { $n } sekundy
    [many] { $n } sekund
   *[other] { $n } sekundy
    }
wait-minutes = { $n ->
    [one] { $n } minutę
    [few] { $n } minuty
    [many] { $n } minut
   *[other] { $n } minuty
    }
my-page-named = Moja strona: { $name }
error-wiped = Ten telefon został usunięty z zespołu, a wszystko o mieszkańcach zostało z niego skasowane.
error-not-enrolled = Ten telefon nie należy jeszcze do zespołu. Poproś koordynatora o zaproszenie i dodaj je w Ustawieniach.
error-unreachable = Teraz nie ma połączenia z zespołem.
error-wait = Serwer zespołu poprosił ten telefon, by chwilę poczekał; nic nie przepadło.
error-unavailable = Aplikacja przestała odpowiadać. Zamknij ją i otwórz ponownie; nic nie przepadło.
error-locked = Aplikacja jest zablokowana. Odblokuj ją, aby kontynuować; nic nie przepadło.
error-erased = Zbyt wiele błędnych PIN-ów: telefon skasował swoje dane, tak jak zdecydował zespół. To, co dotarło do zespołu, jest bezpieczne: skonfiguruj telefon ponownie i dołącz do zespołu, aby je odzyskać.
app-name = Connect Companion
wrong-pins-so-far = { $n ->
    [one] { $n } błędny kod PIN
    [few] { $n } błędne kody PIN z rzędu
    [many] { $n } błędnych kodów PIN z rzędu
   *[other] { $n } błędnego kodu PIN z rzędu
    }
forgot-pin = Nie pamięta Pan/Pani kodu PIN?
forgot-pin-explain = Kodu PIN nie da się odzyskać, a bez niego nikt nie otworzy informacji zapisanych na tym telefonie. Można skasować wszystko z tego telefonu i ustawić go od nowa: to, co już dotarło do zespołu, jest u zespołu bezpieczne i wróci po ponownym dołączeniu do zespołu.
forgot-pin-loss = Zmiany, które nie dotarły do zespołu, przepadną.
erase-this-phone = Skasuj telefon i zacznij od nowa
use-letters = Wpisz litery
use-number-pad = Użyj klawiatury z cyframi
try-again-in = Zbyt wiele błędnych kodów PIN. Można spróbować ponownie za { $wait }.
wait-counts-here = Czas oczekiwania odlicza się, gdy ten ekran jest otwarty.
unlock-fingerprint = Odblokuj odciskiem palca lub twarzą
locked-heading-no-pin = Proszę odblokować ten telefon
fingerprint-then-pin = Po wpisaniu kodu PIN ten telefon poprosi jeszcze o odcisk palca lub twarz.
their-pin = PIN osoby: { $name }
erase-after-warning = Po { $n ->
    [one] { $n } błędnym kodzie PIN
    [few] { $n } błędnych kodach PIN z rzędu
    [many] { $n } błędnych kodach PIN z rzędu
   *[other] { $n } błędnych kodach PIN z rzędu
    } ten telefon sam się kasuje – tak zdecydował Pana/Pani zespół.
unsent-some = { $n ->
    [one] Jedna zmiana na tym telefonie nie dotarła jeszcze do zespołu: po skasowaniu przepadnie.
    [few] { $n } zmiany na tym telefonie nie dotarły jeszcze do zespołu: po skasowaniu przepadną.
    [many] { $n } zmian na tym telefonie nie dotarło jeszcze do zespołu: po skasowaniu przepadną.
   *[other] { $n } zmiany na tym telefonie nie dotarło jeszcze do zespołu: po skasowaniu przepadną.
    }
unsent-none = Wszystkie zmiany z tego telefonu dotarły do zespołu.
type-erase = Aby potwierdzić, proszę wpisać SKASUJ
erase-word = SKASUJ
demo-banner = Dane pokazowe: wszystkie osoby tutaj są zmyślone.
mark-met = Oznacz jako spełnione
circle-map-label = Mapa kręgu wsparcia: kręgi od najbliższych (w środku) do nowych możliwości (na zewnątrz)
no-ties = Na razie nikogo nie ma w kręgu.
declined = Ta osoba odmówiła
no-notes = Na razie nie ma notatek.
pin-again = Ten sam kod PIN jeszcze raz
everything-about-me = Wszystko o mnie na tym telefonie
own-page-on-its-way = Pana/Pani strona przyjdzie od zespołu, gdy ten telefon następnym razem będzie miał zasięg. Gdy będzie zasięg, proszę nacisnąć „Wyślij teraz”.
storage-title = Miejsce na tym telefonie
storage-used = Aplikacja zajmuje { $used } · wolne miejsce dla niej: { $left }
storage-may-be-cleared = Ta przeglądarka może usunąć zapisane dane, gdy zabraknie miejsca: proszę często wysyłać je do zespołu.
storage-kept = Ta przeglądarka zachowuje dane aplikacji, nawet gdy brakuje miejsca.
pins-differ = Te dwa kody PIN się różnią. Proszę wpisać je jeszcze raz.
this-phone = Ten telefon
lock-heading = Zablokuj telefon
own-lock-hint = Nikt nie przeczyta Pana/Pani strony na tym telefonie, dopóki znowu nie zostanie wpisany Pana/Pani kod PIN.
own-copy-heading = Wszystko, co ten telefon przechowuje o Panu/Pani
own-copy-hint = Pana/Pani strona, krąg, odpowiedzi na pytania o samopoczucie, historia i dziennik udostępniony Panu/Pani – wszystko na jednej stronie, którą można przeczytać tutaj, zapisać albo wydrukować. Notatki, które zespół prowadzi tylko dla siebie, nigdy nie trafiają na ten telefon.
read-copy = Pokaż tutaj
read-copy-title = Wszystko, co ten telefon przechowuje o Panu/Pani, do przeczytania
prepare-copy = Przygotuj kopię
preparing = Przygotowywanie…
save-readable = Zapisz kopię do czytania
save-data = Zapisz dane (JSON)
stop-counting = Nie wliczaj tego do zestawień zespołu
let-it-count = Wliczaj to do zestawień zespołu
change-pin = Zmień kod PIN
current-pin = Obecny kod PIN
new-pin = Nowy kod PIN (co najmniej 6 znaków)
pin-changed = Kod PIN został zmieniony. Od teraz proszę używać nowego.
store-encrypted = Wszystko na tym urządzeniu jest zaszyfrowane i otwiera się tylko kodem PIN.
question-of = Pytanie { $n } / { $total }
past-checkins = Dotychczasowe pytania o samopoczucie
counts-in-figures = wliczane do zestawień zespołu
kept-private = niewliczane do zestawień zespołu
pin-rule = Co najmniej 6 cyfr albo hasło z literami. Łatwe kody PIN, takie jak 123456, 111111 czy 121212, nie są przyjmowane.
promise-when = Kiedy?
when-day = Konkretnego dnia
when-this-week = W tym tygodniu
when-no-rush = Bez pośpiechu
when-not-said = Nie ustalono
promise-day = Dzień
visit-day = Dzień wizyty
save-day = Zapisz dzień
checkin-asked-in-english = Te pytania są zadawane po angielsku, w brzmieniu, w jakim je sprawdzono, aby odpowiedzi można było porównać. Osoba wspierająca pomoże z każdym słowem.
# Voice notes and photos.
add-voice-or-photo = Dodaj notatkę głosową lub zdjęcie
voice-notes-and-photos = Notatki głosowe i zdjęcia
record-voice = Nagraj notatkę głosową
record-my-voice = Nagraj mój głos
take-photo = Zrób zdjęcie
choose-photo = Wybierz zdjęcie
starting-microphone = Włączanie mikrofonu…
recording-time = Nagrywanie: { $time } z { $most }
stop-recording = Zatrzymaj nagrywanie
take-the-photo = Zrób zdjęcie teraz
dont-keep = Nie zachowuj
keep-it = Zachowaj
new-photo = Nowe zdjęcie
new-voice-note = Nowa notatka głosowa
photo-caption = Co widać na zdjęciu
voice-caption = O czym jest ta notatka głosowa
transcript-label = Co jest powiedziane, wpisane tekstem (jeśli Pan/Pani chce)
file-too-large = Ten plik jest za duży na zdjęcie (najwyżej 64 MB).
file-unreadable = Nie udało się odczytać tego pliku. Proszę wybrać inny.
media-kept = Zachowane na tym telefonie. Trafi do zespołu przy następnym wysłaniu.
voice-note = Notatka głosowa
voice-note-length = Notatka głosowa, { $time }
photo = Zdjęcie
fetch-media = Pobierz od zespołu ({ $size })
try-again = Spróbuj jeszcze raz
show-larger = Powiększ zdjęcie
show-smaller = Pomniejsz zdjęcie
play = Odtwórz
pause = Wstrzymaj
what-it-says = Co jest powiedziane
remove = Usuń
remove-it = Tak, usuń
remove-voice-everywhere = Usunąć tę notatkę głosową ze wszystkich telefonów i z serwera zespołu?
remove-photo-everywhere = Usunąć to zdjęcie ze wszystkich telefonów i z serwera zespołu?
media-removed = Usunięte. Z innych telefonów zniknie przy ich następnym wysłaniu.
media-only-here = Tylko na tym telefonie
media-sending = Wysyłanie: { $percent }% jest już u zespołu
media-safe = Bezpieczne u zespołu
media-with-team = U zespołu, nie na tym telefonie
media-stuck = Niewysłane: { $why }
voice-notes-only-here = { $n ->
    [one] { $n } notatka głosowa tylko na tym telefonie
    [few] { $n } notatki głosowe tylko na tym telefonie
    [many] { $n } notatek głosowych tylko na tym telefonie
   *[other] { $n } notatki głosowej tylko na tym telefonie
    }
photos-only-here = { $n ->
    [one] { $n } zdjęcie tylko na tym telefonie
    [few] { $n } zdjęcia tylko na tym telefonie
    [many] { $n } zdjęć tylko na tym telefonie
   *[other] { $n } zdjęcia tylko na tym telefonie
    }
