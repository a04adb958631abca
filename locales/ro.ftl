# Connect Companion în română.
# Awaits review by a native speaker from the community.

## Resident-facing: every language shipped covers all of these

day-at-time = { $day } la { $time }
promise-sentence = { $who ->
    [your-supporter] Persoana care te ajută va { $what }
    [you] Tu vei { $what }
    [supporter] Persoana care ajută va { $what }
    [team] Echipa Connect va { $what }
   *[named] { $name } va { $what }
    }
weekday = { $day ->
    [1] luni
    [2] marți
    [3] miercuri
    [4] joi
    [5] vineri
    [6] sâmbătă
   *[7] duminică
    }
date-day-month = { $day } { $month ->
    [1] ianuarie
    [2] februarie
    [3] martie
    [4] aprilie
    [5] mai
    [6] iunie
    [7] iulie
    [8] august
    [9] septembrie
    [10] octombrie
    [11] noiembrie
   *[12] decembrie
    }
date-day-month-year = { date-day-month } { $year }
date-short = { $day } { $month ->
    [1] ian.
    [2] feb.
    [3] mar.
    [4] apr.
    [5] mai
    [6] iun.
    [7] iul.
    [8] aug.
    [9] sept.
    [10] oct.
    [11] nov.
   *[12] dec.
    }
in-month = { $month ->
    [1] în ianuarie
    [2] în februarie
    [3] în martie
    [4] în aprilie
    [5] în mai
    [6] în iunie
    [7] în iulie
    [8] în august
    [9] în septembrie
    [10] în octombrie
    [11] în noiembrie
   *[12] în decembrie
    }

skip-to-content = Sari la conținut
saved-here = Salvat pe acest telefon
not-sent-yet = Salvat pe acest telefon, netrimis încă
sent-to-team = Trimis echipei
last-sent = Trimis ultima dată { $when }
never-sent = Nimic trimis încă
send-now = Trimite acum
send-status = Ce a ajuns la echipă
today = azi
yesterday = ieri
tomorrow = mâine
on-day = pe { $day }
in-days = { $n ->
    [one] într-o zi
    [few] în { $n } zile
   *[other] în { $n } de zile
    }
sending = Se trimite…
send-failed = Nu s-a putut ajunge la echipă. Nu se pierde nimic:
send-done = Trimis.
next-send = următoarea trimitere la { $time }
next-try = următoarea încercare la { $time }
offline-waits = fără semnal: se trimite când revine semnalul
send-will-retry = Nu s-a putut ajunge la echipă acum; se reîncearcă singur. Nu se pierde nimic:
sent-once-joined = Se trimite după ce telefonul se alătură echipei.
join-team-to-send = Alăturați-vă echipei în Setări pentru a trimite.
add = Adaugă
never = niciodată
only-here = Doar pe acest telefon
waiting = Netrimis încă
on-relay = Trimis echipei
tab-page = Ce pot oferi
tab-circle = Cercul meu
tab-journal = Jurnal
about-me = Despre mine
offers = Ce pot oferi
asks = M-ați putea ajuta cu…?
goals = Obiective și ce ar fi posibil
in-their-words = În cuvintele lor
in-my-words = În cuvintele mele
written-down-by-supporter = notat de persoana care sprijină
written-down-by-team = notat de echipă
added-by = Adăugat de { $name }
new-offer = O ofertă nouă
new-ask = O cerere nouă
new-goal = Un obiectiv nou
category = Fel de ajutor
save = Salvează
cancel = Renunță
edit-item = Modifică
hide = Ascunde
undo = Anulează
hidden-notice = Ascuns. Este păstrat și poate fi adus înapoi.
status = Stare
status-open = Deschisă
status-in-progress = Cineva ajută
status-met = Rezolvată
status-not-now = Nu acum
cat-practical = Practic
cat-caring = Grijă
cat-company = Companie
cat-creative = Creativ
cat-knowledge = Cunoștințe
cat-other = Altceva
ring-intimacy = Cei mai apropiați
ring-friendship = Prieteni
ring-participation = Grupuri și activități
ring-exchange = Oameni care ajută
ring-possibility = Ar putea fi posibil
circle-list-heading = Toată lumea din cerc
ring = Cerc
two-way = Ajutorul merge în ambele sensuri
both = în ambele sensuri
not-today = Nu azi
note-for-resident = Eu și echipa
not-today-did-not-want = Nu am vrut o vizită azi
not-today-could-not-go = Nu a putut veni
not-today-were-out = Nu eram acasă
no-visit-saved = Notat: fără vizită azi.
notes-from-visits = Note de la vizite
shared = Împărtășit cu mine
my-page = Pagina mea
more-about-this-phone = Mai mult
ioffer = Ceva ce pot oferi
iask = Ceva la care aș vrea ajutor
hide-this = Ascunde
not-now = Nu acum
give-back = Dă telefonul înapoi
resident-mode-hint = Aceasta este pagina ta. Adaugă ce poți oferi și la ce ai vrea ajutor, în cuvintele tale.
settings = Setări
language = Limba
done = Gata
error-prefix = Nu a mers: { $why }
lock = Blochează
locked-heading = Introduceți codul PIN
locked-hint = Informațiile de pe acest telefon sunt blocate.
pin = Cod PIN
unlock = Deblochează
unlocking = Se verifică…
loading = Se deschide…
tab-record = Dosarul meu
tab-checkins = Cum mă simt
tab-story = Povestea mea
circle-changed = Cum s-a schimbat cercul meu
or-pick-adate = Sau alegeți o dată
now = acum
visit-on = vizită { $day }
in-circle = În cerc
two-way-ties = În ambele sensuri
new-since-visit = Nou de la vizita trecută:
nothing-new = Nimeni nou de la vizita trecută.
start-checkin = Începe
start-short-checkin = Începe
all-questions = Toate întrebările
change-last-answer = Schimb ultimul răspuns
life-map-question = Cum stau lucrurile cu: { $area }?
rag-hard = Greu acum
rag-worries = Câteva griji
rag-well = Merge bine
you-lonely = Singurătatea
you-satisfied = Cât de mulțumit sunteți de viață
you-worthwhile = Cât de folositoare par lucrurile
you-happy = Cât de fericit v-ați simțit
you-anxious = Cât de îngrijorat v-ați simțit
kind-better = { $what }: mai bine decât { $since }.
kind-same = { $what }: cam la fel ca { $since }.
kind-worse = { $what }: vă mulțumim că ne-ați spus. Persoana care vă sprijină este aici să vorbiți despre asta.
no-checkins-yet = Nicio discuție încă.
only-one-checkin = O singură dată până acum: data viitoare veți vedea cum se schimbă lucrurile.
nothing-to-compare = Întrebări diferite de fiecare dată, deci nimic de comparat încă.
how-have-things-changed = Cum s-au schimbat lucrurile pentru mine?
thank-you = Mulțumim.
checkin-intro-count = { $n ->
    [one] O întrebare scurtă
    [few] { $n } întrebări scurte
   *[other] { $n } de întrebări scurte
    } despre cum stau lucrurile. Puteți sări peste oricare sau vă puteți opri oricând.
checkin-intro = Câteva întrebări scurte. Puteți sări peste oricare sau vă puteți opri oricând.
skip = Sari peste
not-today-thanks = Nu azi, mulțumesc
stop-here = Mă opresc aici
consent-question = Pot aceste răspunsuri să conteze în cifrele echipei, fără numele dvs.?
yes-count = Da, pot conta
no-count = Nu, doar pentru mine
checkin-saved = Mulțumim. Răspunsurile sunt salvate.
not-today-saved = E în regulă. Am notat „nu azi”.
my-trend = Cum s-au schimbat lucrurile
story-heading = Povestea mea, în cuvintele mele
story-hint = Povestea este a dvs. Dvs. alegeți cine o poate citi și puteți schimba oricând.
consent-heading = Cine îmi poate citi povestea?
consent-now = Acum:
consent-confirm-anonymous = Persoane din afara echipei Connect v-ar putea citi povestea. Numele dvs. și ale celor pe care îi cunoașteți ar fi scoase. Asta doriți?
consent-confirm-named = Persoane din afara echipei Connect v-ar putea citi povestea, cu numele dvs. Asta doriți?
consent-confirm-team = Toată echipa Connect v-ar putea citi povestea. Asta doriți?
consent-yes = Da, asta doresc
consent-no = Nu, lăsați cum este
consent-private = Doar eu și persoana care mă sprijină
consent-team = Echipa Connect
consent-anonymous = Împărtășită în afara echipei, fără numele meu
consent-named = Împărtășită în afara echipei, cu numele meu
consent-history = Schimbări
save-story = Salvează povestea
changed-by = Schimbat de { $name }
introductions = Prezentări
intro-ask = Cineva care ar putea ajuta cu:
intro-offer = Cineva căruia i-ar plăcea oferta dvs.:
intro-why = De ce
intro-yes = Da, faceți cunoștință
intro-no = Nu, mulțumesc
intro-said-yes = Ați spus da
intro-said-no = Ați spus nu
give-back-to = Vă rugăm să dați telefonul înapoi lui { $name }
only-they-unlock = Doar { $name } îl poate debloca. Mulțumim!
what-we-said = Ce am spus că vom face
when-due = până { $day }
was-due = era pentru { $day }
no-rush = fără grabă
promise-open = De făcut
promise-done = Făcut
promise-not-now = Nu acum
promise-no-longer = Nu mai e nevoie
mark-no-longer = Nu mai e nevoie
still-to-do = Totuși de făcut
promise-marked = Notat.
nothing-promised = Nimic promis încă.
earlier-promises = Făcute și lăsate deoparte
iwill-do = + Ceva ce voi face eu
promise-what = Ce se va face?
save-promise = Salvează
promise-saved-changes = Salvat.
next-visit = Următoarea vizită
no-next-visit = Nicio vizită plănuită încă.
when-icall = când sun eu
icall = Sun eu când vreau o vizită
not-then-another-day = Nu atunci: altă zi
moved-at-my-wish = mutată la dorința mea
next-visit-saved = Următoarea vizită a fost salvată.
wait-seconds = { $n ->
    [one] o secundă
    [few] { $n } secunde
   *[other] { $n } de secunde
    }
wait-minutes = { $n ->
    [one] un minut
    [few] { $n } minute
   *[other] { $n } de minute
    }
my-page-named = Pagina mea: { $name }
error-wiped = Acest telefon a fost scos din echipă, iar tot ce privea beneficiarii a fost șters de pe el.
error-not-enrolled = Acest telefon nu face încă parte dintr-o echipă. Cereți o invitație coordonatorului, apoi adăugați-o în Setări.
error-unreachable = Nu există legătură cu echipa acum.
error-wait = Serverul echipei a cerut acestui telefon să aștepte puțin; nu s-a pierdut nimic.
error-unavailable = Aplicația nu mai răspunde. Închideți-o și deschideți-o din nou; nu s-a pierdut nimic.
error-locked = Aplicația este blocată. Deblocați-o pentru a continua; nu s-a pierdut nimic.
error-erased = Prea multe coduri PIN greșite: telefonul și-a șters datele, cum a ales echipa. Ce a ajuns la echipă este în siguranță: configurați telefonul din nou și alăturați-vă echipei ca să le primiți înapoi.
app-name = Connect Companion
wrong-pins-so-far = { $n ->
    [one] Un cod PIN greșit
    [few] { $n } coduri PIN greșite la rând
   *[other] { $n } de coduri PIN greșite la rând
    }
forgot-pin = Ați uitat codul PIN?
forgot-pin-explain = Codul PIN nu poate fi recuperat și nimeni nu poate deschide informațiile de pe acest telefon fără el. Puteți șterge totul de pe acest telefon și îl puteți pregăti din nou: ce a ajuns deja la echipă este în siguranță la echipă și revine când vă alăturați din nou echipei.
forgot-pin-loss = Schimbările care nu au ajuns la echipă se vor pierde.
erase-this-phone = Șterge telefonul și începe din nou
use-letters = Scrie cu litere
use-number-pad = Folosește tastatura cu cifre
try-again-in = Prea multe coduri PIN greșite. Puteți încerca din nou peste { $wait }.
wait-counts-here = Timpul de așteptare scade cât timp acest ecran este deschis.
unlock-fingerprint = Deblochează cu amprenta sau cu fața
locked-heading-no-pin = Deblocați acest telefon
fingerprint-then-pin = După codul PIN, acest telefon vă cere și amprenta sau fața.
their-pin = Codul PIN al lui { $name }
erase-after-warning = După { $n ->
    [one] un cod PIN greșit
    [few] { $n } coduri PIN greșite la rând
   *[other] { $n } de coduri PIN greșite la rând
    }, acest telefon se șterge singur, așa cum a hotărât echipa dvs.
unsent-some = { $n ->
    [one] O schimbare de pe acest telefon nu a ajuns încă la echipă: dacă ștergeți, se pierde.
    [few] { $n } schimbări de pe acest telefon nu au ajuns încă la echipă: dacă ștergeți, se pierd.
   *[other] { $n } de schimbări de pe acest telefon nu au ajuns încă la echipă: dacă ștergeți, se pierd.
    }
unsent-none = Toate schimbările de pe acest telefon au ajuns la echipă.
type-erase = Pentru a confirma, scrieți ȘTERGE
erase-word = ȘTERGE

checkin-asked-in-english = Aceste întrebări sunt puse în engleză, în cuvintele în care au fost testate, ca răspunsurile să poată fi comparate. Persoana care vă ajută vă poate explica orice cuvânt.
# Voice notes and photos.
add-voice-or-photo = Adaugă o notă vocală sau o fotografie
voice-notes-and-photos = Note vocale și fotografii
record-voice = Înregistrează o notă vocală
record-my-voice = Înregistrează-mi vocea
take-photo = Fă o fotografie
choose-photo = Alege o fotografie
starting-microphone = Se pornește microfonul…
recording-time = Se înregistrează: { $time } din { $most }
stop-recording = Oprește înregistrarea
take-the-photo = Fă fotografia
dont-keep = Nu o păstra
keep-it = Păstreaz-o
new-photo = Fotografia nouă
new-voice-note = Nota vocală nouă
photo-caption = Ce arată fotografia
voice-caption = Despre ce este nota vocală
transcript-label = Ce spune, scris (dacă doriți)
file-too-large = Fișierul este prea mare pentru o fotografie (cel mult 64 MB).
file-unreadable = Fișierul nu a putut fi citit. Încercați altul.
media-kept = Păstrată pe acest telefon. Ajunge la echipă la următoarea trimitere.
voice-note = Notă vocală
voice-note-length = Notă vocală, { $time }
photo = Fotografie
fetch-media = Adu-o de la echipă ({ $size })
try-again = Încearcă din nou
show-larger = Arată fotografia mai mare
show-smaller = Arată fotografia mai mică
play = Ascultă
pause = Pauză
what-it-says = Ce spune
remove = Elimină
remove-it = Da, elimin-o
remove-voice-everywhere = Eliminați această notă vocală de pe toate telefoanele și de la echipă?
remove-photo-everywhere = Eliminați această fotografie de pe toate telefoanele și de la echipă?
media-removed = Eliminată. Dispare de pe celelalte telefoane la următoarea lor trimitere.
media-only-here = Doar pe acest telefon
media-sending = Se trimite: { $percent }% e deja la echipă
media-safe = În siguranță la echipă
media-with-team = La echipă, nu pe acest telefon
media-stuck = Netrimisă: { $why }
voice-notes-only-here = { $n ->
    [one] { $n } notă vocală doar pe acest telefon
    [few] { $n } note vocale doar pe acest telefon
   *[other] { $n } de note vocale doar pe acest telefon
    }
photos-only-here = { $n ->
    [one] { $n } fotografie doar pe acest telefon
    [few] { $n } fotografii doar pe acest telefon
   *[other] { $n } de fotografii doar pe acest telefon
    }

## The team's screens

auto-sync = Trimite automat echipei cât timp aplicația este deschisă
auto-sync-hint = Trimite și când se deschide aplicația, la scurt timp după fiecare schimbare, când revine semnalul și când ieșiți din aplicație.
auto-sync-off = Doar după schimbări
auto-sync-every = { $n ->
    [one] În fiecare minut
    [few] La fiecare { $n } minute
   *[other] La fiecare { $n } de minute
    }
demo-banner = Listă demonstrativă: toate persoanele de aici sunt inventate.
caseload = Beneficiari
search-label = Căutați nume, oferte și cereri
sort-by = Ordonează după
sort-name = Nume
sort-last-visit = Ultima vizită
add-resident = Adaugă un beneficiar
preferred-name = Numele cu care îi place să i se spună
added-by-mistake = Adăugat din greșeală?
added-by-mistake-hint = Nimic despre acest beneficiar nu a fost trimis încă echipei, așa că îl puteți scoate de pe acest telefon.
remove-from-phone = Scoate de pe acest telefon
remove-them = Da, scoate de pe telefon
keep-them = Nu, păstrează pe telefon
removed-mistake = { $name } nu mai este pe acest telefon.
same-name-already = Există deja pe acest telefon un beneficiar numit { $name }.
open-them = Deschide { $name }
add-another-same-name = Adaugă altă persoană cu acest nume
offers-count = { $n ->
    [one] { $n } ofertă
    [few] { $n } oferte
   *[other] { $n } de oferte
    }
asks-open-count = { $n ->
    [one] { $n } cerere deschisă
    [few] { $n } cereri deschise
   *[other] { $n } de cereri deschise
    }
circle-count = { $n } în cerc
last-visit = Ultima vizită
no-residents = Nu există încă beneficiari pe acest telefon. Adăugați pe cineva mai jos sau alăturați-vă echipei în Setări, cu invitația primită de la coordonator: beneficiarii pe care îi sprijiniți vin apoi pe acest telefon.
nothing-found = Nimeni nu se potrivește cu această căutare.
back = Înapoi
hand-to-resident = Dă telefonul beneficiarului
mark-met = Marchează ca rezolvată
circle-map-label = Harta cercului de sprijin: cercuri de la cei mai apropiați (în centru) la ce ar putea fi posibil (în exterior)
add-tie = Adaugă pe cineva în cerc
tie-name = Numele
relationship = De unde se cunosc
is-place = Este un loc sau un grup
move-to = Mută în
no-ties = Nimeni în cerc încă.
add-note = Adaugă o notă
note-text = Ce s-a întâmplat
declined = A spus nu
team-only = Doar pentru echipă: nu se arată beneficiarului
who-sees-note = Cine poate vedea această notă?
they-said-this = A spus asta: în cuvintele sale
note-for-team = Doar echipa
choose-who-sees = Alegeți mai întâi cine o poate vedea.
not-today-why = De ce nu a avut loc vizita?
note-removed = Nota a fost eliminată. Rămâne în istoricul dosarului.
remove-note = Elimină
save-note = Salvează nota
team-notes = Note doar pentru echipă
no-notes = Nicio notă încă.
mood-label = Cum a părut
mood-none = Nenotat
mood-good = Bine
mood-okay = Așa și așa
mood-low = Cu moralul scăzut
device-name = Numele acestui dispozitiv
device-id = Codul acestui telefon (coordonatorul vi-l poate cere)
relay-address = Adresa echipei
invite-code = Codul invitației
scan-invite = Scanează codul QR al invitației
stop-scanning = Oprește camera
camera-picture = Ce vede camera
point-at-invite = Îndreptați camera spre codul QR de pe ecranul coordonatorului.
not-an-invite = Acest cod QR nu este o invitație Connect Companion. Scanați codul arătat de coordonator sau scrieți codul.
invite-read = Invitația a fost citită. Verificați adresa echipei, apoi alăturați-vă.
connect = Alăturați-vă echipei
connected = Acest telefon face parte din echipa de la adresa
create-invite = Invită pe cineva
invite-role = Pentru cine este
role-supporter = O persoană care ajută
role-coordinator = Un coordonator
role-resident = Un beneficiar (pe propriul telefon)
invite-ready = Scanați acest cod sau scrieți-l pe noul dispozitiv. Funcționează o singură dată.
expires = Valabilă până la
pin-again = Același cod PIN, din nou
everything-about-me = Tot ce este pe acest telefon despre mine
own-page-on-its-way = Pagina dvs. vine de la echipă data viitoare când telefonul are semnal. Apăsați „Trimite acum” când aveți semnal.
try-again-after = Prea multe coduri PIN greșite. Puteți încerca din nou după
storage-title = Spațiu pe acest telefon
storage-used = { $used } folosiți de aplicație · { $left } rămași pentru ea
storage-may-be-cleared = Acest browser poate șterge datele când rămâne puțin spațiu: trimiteți des echipei.
storage-kept = Acest browser păstrează datele aplicației chiar și când rămâne puțin spațiu.
app-intro = Pentru persoanele care ajută în Connect și pentru beneficiarii pe care îi vizitează: ce poate oferi fiecare beneficiar, la ce ar vrea ajutor, cercul său de sprijin și notele de la vizite. Totul rămâne pe acest telefon, blocat, și ajunge la echipă când există semnal.
set-up-heading = Pregătiți acest telefon
set-up-hint = Codul PIN păstrează private informațiile beneficiarilor de pe acest telefon. Alegeți unul pe care îl veți ține minte: nu poate fi recuperat. Cel puțin 6 caractere.
your-name = Numele dvs.
choose-pin = Alegeți un cod PIN
set-up = Pregătește telefonul
demo-offer = Începeți cu lista demonstrativă: 36 de beneficiari inventați, pentru a încerca aplicația. Niciunul nu este real.
pins-differ = Cele două coduri PIN sunt diferite. Scrieți-le din nou.
wiped-heading = Acest telefon a fost scos din echipă
wiped-explain = Coordonatorul a retras acest dispozitiv, așa că tot ce privea beneficiarii a fost șters de pe el, împreună cu cheia sa.
wiped-next = Dacă a fost o greșeală, cereți coordonatorului o invitație nouă și pregătiți din nou telefonul.
set-up-again = Pregătește din nou acest telefon
copy-heading = O copie a tot ce se păstrează
copy-hint = Un beneficiar poate cere tot ce se păstrează despre el. Aici se face o pagină pe care o poate citi și tipări (inclusiv elementele ascunse și notele doar pentru echipă), precum și aceleași informații ca date.
this-phone = Acest telefon
lock-heading = Blocați telefonul
own-lock-hint = Nimeni nu vă poate citi pagina pe acest telefon până nu se scrie din nou codul PIN.
own-copy-heading = Tot ce păstrează acest telefon despre dvs.
own-copy-hint = Pagina dvs., cercul dvs., discuțiile, povestea și jurnalul împărtășit cu dvs., într-o singură pagină pe care o puteți citi aici, salva sau tipări. Notele pe care echipa le păstrează doar pentru ea nu ajung niciodată pe acest telefon.
read-copy = Arată aici
read-copy-title = Tot ce păstrează acest telefon despre dvs., de citit
prepare-copy = Pregătește o copie
preparing = Se pregătește…
save-readable = Salvează copia de citit
save-data = Salvează datele (JSON)
history-heading = Cine a schimbat ce și când
show-history = Arată istoricul
history-only-here = Doar pe acest dispozitiv: nu a ajuns încă la echipă
history-reached = A ajuns la echipă
history-unknown = Cineva de pe alt dispozitiv
history-relay-problem = Echipa nu a putut fi întrebată, așa că sunt numite doar schimbările făcute pe acest telefon:
erase-heading = Ștergerea datelor acestui beneficiar
erase-explain = Ștergerea elimină acum tot ce privește acest beneficiar, de la echipă și de pe acest telefon, iar de pe fiecare alt telefon data viitoare când acesta ajunge la echipă. Nu poate fi anulată. Dacă beneficiarul vrea o copie, exportați-o mai întâi.
erase-confirm-label = Pentru a confirma, scrieți numele beneficiarului
erase-button = Șterge peste tot
erased = Datele lui { $name } au fost șterse de la echipă și de pe acest telefon. Celelalte telefoane le șterg data viitoare când ajung la echipă.
circle-at = Cercul: { $when }
circle-at-each-visit = Cercul la fiecare vizită
stop-counting = Nu mai include în cifrele echipei
let-it-count = Include în cifrele echipei
change-pin = Schimbă codul PIN
current-pin = Codul PIN actual
new-pin = Codul PIN nou (cel puțin 6 caractere)
pin-changed = Codul PIN a fost schimbat. De acum folosiți-l pe cel nou.
store-encrypted = Tot ce este pe acest dispozitiv este criptat și se deschide doar cu codul PIN.
no-visits-yet = Nicio vizită notată încă: povestea cercului începe cu prima notă de vizită.
circle-trend-label = Legăturile din cerc și legăturile în ambele sensuri, la fiecare vizită
measure-lonely = Cât de des simte singurătatea
measure-ucla = Scorul de singurătate (de la 3 la 9; mai mic înseamnă mai puțină singurătate)
measure-satisfied = Mulțumirea față de viață
measure-worthwhile = Cât de folositoare par lucrurile
measure-happy = Câtă fericire a simțit
measure-anxious = Câtă neliniște a simțit
change-better = Este mai bine.
change-worse = Este mai rău: merită să vorbiți împreună despre asta.
change-same = Nicio schimbare.
change-for-team = { $what }: { $first } { $since }, { $latest } la ultima discuție. { $direction }
concern-unsafe = { $name } a spus că nu se simte în siguranță acum.
concern-anxious = { $name } a spus că ieri a simțit multă neliniște ({ $score } din 10).
concern-heading = Înainte să plecați: merită să vorbiți împreună
concern-seen = Am vorbit despre asta
question-of = Întrebarea { $n } / { $total }
past-checkins = Discuțiile de până acum
answered = cu răspuns
counts-in-figures = intră în cifrele echipei
kept-private = nu intră în cifrele echipei
ucla-chart-label = Scorul de singurătate la fiecare discuție, de la 3 la 9; mai mic înseamnă mai puțină singurătate
life-chart-label = Mulțumirea față de viață la fiecare discuție, de la 0 la 10
story-hint-team = Scrieți povestea în cuvintele beneficiarului. Numai el alege cine o poate citi: întrebați-l și apăsați ce vă spune.
team = Echipa
tab-matches = Potriviri
tab-places = Locuri
tab-insights = Cifre
tab-stories = Povești pe care le putem împărtăși
matches-hint = Oferte care s-ar putea potrivi cu cererea cuiva, cu motivul pentru care a fost sugerată fiecare. Ambii beneficiari sunt întrebați mai întâi; nu se întâmplă nimic dacă nu spun amândoi da.
no-matches = Nicio sugestie nouă.
more-offers = Mai multe oferte pentru această cerere
suggest-intro = Propune să facă cunoștință
intro-suggested = Propus amândurora. Fiecare va fi întrebat pe pagina sa.
intros-so-far = Prezentări propuse
state-waiting = Se așteaptă un răspuns
state-agreed = Amândoi au spus da
state-declined = Refuzată: este alegerea lor
asks-word = cereri
offers-word = oferte
places-hint = Locuri primitoare și oameni de ajutor la treburi practice mărunte, pentru toată echipa.
search-places = Caută locuri și oameni de ajutor
no-places = Nimic din listă nu se potrivește.
no-directory = Locurile și oamenii de ajutor vin de la echipă: alăturați-vă echipei în Setări ca să-i vedeți și să adăugați alții.
add-place = Adaugă un loc sau un om de ajutor
place-name = Nume
place-is-helper = Un om de ajutor la treburi practice (nu un loc)
place-description = Ce oferă
place-contact = Cum se poate lua legătura
place-tags = Cuvinte care ajută la căutare
link-place = Găsește un loc sau un om de ajutor
linked-places = Ar putea ajuta:
unlink = Elimină
link = Leagă
insights-hint = Cifre fără nume. Nu se arată nicio cifră calculată din mai puțin de 5 beneficiari și nici vreuna care, scăzută din alta, ar dezvălui mai puțin de 5, ca nimeni să nu poată fi recunoscut. Cifrele din discuții îi numără doar pe beneficiarii care au fost de acord.
residents-supported = Beneficiari sprijiniți
residents-visited = Beneficiari vizitați
circle-growth = Cercurile de sprijin: câte persoane (valoarea din mijloc), la prima vizită și la cea mai recentă
first-visit = Prima vizită
latest-visit = Cea mai recentă vizită
asks-raised = Cereri făcute
asks-met = Cereri rezolvate
offers-listed = Oferte notate
offers-made = Oferte făcute altor beneficiari
intros-declined = Prezentări refuzate
checkin-change = Discuții (beneficiarii care au fost de acord)
ucla-first-latest = Scorul de singurătate, valoarea din mijloc (de la 3 la 9; mai mic înseamnă mai puțină singurătate), la prima și la cea mai recentă discuție
life-first-latest = Mulțumirea față de viață, valoarea din mijloc (de la 0 la 10), la prima și la cea mai recentă discuție
improved = Beneficiari care se simt mai puțin singuri
fewer-than-five = mai puțin de 5
no-answers-yet = niciun răspuns încă
withheld = nu se arată (alături de celelalte cifre, ar dezvălui mai puțin de 5)
save-figures-csv = Salvează cifrele (CSV)
save-per-resident-csv = Salvează câte un rând pentru fiecare beneficiar, sub pseudonim (CSV)
stories-hint = Doar poveștile pe care autorii au acceptat să le împărtășească, exact cum au acceptat: fără nume acolo unde au ales să nu fie numiți. O poveste dispare de aici imediat ce acordul este retras.
no-stories = Nicio poveste nu poate fi împărtășită încă.
anonymous = Împărtășită fără nume
tab-people = Persoane
invites-moved = Pentru a invita pe cineva în echipă, mergeți la Echipa, apoi la Persoane.
invite-name = Numele, așa cum îl va cunoaște echipa
invite-needs-name = Scrieți mai întâi numele: evidențele echipei arată numele dat aici, oricum și-ar numi telefonul persoana.
which-resident = Care beneficiar
choose-one = Alegeți…
choose-the-resident = Alegeți mai întâi beneficiarul.
invite-for = O invitație pentru { $name }
invite-made = O invitație
invite-qr = Invitația, ca cod QR
stops-working = Expiră { $when }
invites-waiting = Invitații nefolosite încă
no-invites-waiting = Nicio invitație nu așteaptă să fie folosită.
earlier-invites = Invitații anterioare
invite-used = Folosită
invite-expired = A expirat nefolosită
invite-cancelled = Anulată
made = creată { $day }
cancel-invite = Anulează
invite-cancelled-for = Invitație anulată: { $name }
people-on-team = Persoanele din echipă
their-phones = Telefoanele sale
off-the-team = Nu mai face parte din echipă.
phone-removed-state = eliminat
remove-this-phone = Elimină acest telefon
remove-phone-warning = Eliminați acest telefon din echipă? Tot ce privește beneficiarii va fi șters de pe el data viitoare când se conectează.
phone-removed = Telefonul a fost eliminat. Va fi golit data viitoare când se conectează.
aresident = Un beneficiar
assign-to = Atribuie persoanei { $name }
end-assignment = Încheie această atribuire
assigned = Atribuit. Telefoanele sale primesc beneficiarul data viitoare când trimit.
assignment-ended = Atribuirea s-a încheiat. Telefoanele sale nu mai primesc beneficiarul.
take-off-team = Scoate persoana { $name } din echipă
take-off-team-ask = Scoateți persoana { $name } din echipă?
take-off-team-warning = Fiecare telefon al acestei persoane este eliminat și golit data viitoare când se conectează, iar invitațiile create de ea nu mai funcționează.
taken-off-team = { $name } nu mai face parte din echipă.
resident-records = Dosarele beneficiarilor
resident-records-hint = Cine a schimbat ce, o copie a tot ce se păstrează și ștergerea unui beneficiar peste tot.
short-checkin-heading = Discuția scurtă
short-checkin-hint = Întrebările pe care le pune o discuție, dacă persoana nu le alege pe toate. Întrebările despre siguranță și neliniște o anunță pe persoana care ajută când ceva este îngrijorător: păstrați-le.
questions-picked = întrebări alese (de la 1 la 6).
short-checkin-saved = Discuția scurtă a fost salvată. Telefoanele o folosesc de la următoarea trimitere.
role-noun-supporter = persoană care ajută
role-noun-coordinator = coordonator
role-noun-resident = beneficiar, pe propriul telefon
pin-rule = Cel puțin 6 cifre sau o frază cu litere. Codurile PIN ușoare, ca 123456, 111111 sau 121212, nu sunt acceptate.
erased-heading = Acest telefon și-a șters datele
erased-explain = S-au scris prea multe coduri PIN greșite la rând, așa că acest telefon a șters tot ce era pe el, împreună cu cheia sa, așa cum a hotărât echipa dvs.
erased-next = Ce a ajuns la echipă este în siguranță la echipă. Pregătiți din nou telefonul și alăturați-vă echipei ca să primiți datele înapoi.
fingerprint-offer = Deblochează și cu amprenta sau cu fața, prin acest telefon (recomandat). Astfel, o copie a fișierelor telefonului nu deschide nimic, nici măcar cu codul PIN.
fingerprint-not-here = Doar codul PIN va proteja datele acestui telefon: { $why }
protection-heading = Cum sunt protejate datele acestui telefon
protected-by-both = Prin deblocarea cu amprenta sau cu fața a acestui telefon, împreună cu codul PIN: o copie a fișierelor telefonului nu deschide nimic, nici măcar cu codul PIN.
protected-by-pin = Doar prin codul PIN. Cineva care ar copia fișierele acestui telefon ar putea încerca pe un calculator un cod PIN după altul: un cod PIN lung sau o frază face asta mult mai lent.
fingerprint-can-help = Acest telefon are deblocare cu amprenta sau cu fața: cu ea, o copie a fișierelor telefonului nu deschide nimic.
turn-on-fingerprint = Folosește și deblocarea cu amprenta sau cu fața
turn-off-fingerprint = Nu mai folosi deblocarea cu amprenta sau cu fața
ask-pin-too = Cere și codul PIN, pe lângă amprentă
fingerprint-alone = Lasă amprenta să deblocheze singură
pin-too-on = Se cere codul PIN pe lângă amprentă.
pin-too-off = Amprenta sau fața deblochează singure; codul PIN este necesar pentru a schimba aceste setări.
team-decides = Echipa dvs. hotărăște asta: întrebați coordonatorul.
pin-to-confirm = Codul PIN, pentru confirmare
fingerprint-on = Deblocarea cu amprenta sau cu fața este pornită.
fingerprint-off = Deblocarea cu amprenta sau cu fața este oprită: doar codul PIN deschide acest telefon.
erase-after-heading = Ștergerea telefonului după 10 coduri PIN greșite
erase-after-hint = Echipa dvs. hotărăște dacă telefoanele ei fac asta, iar funcția este oprită dacă echipa nu o cere. Îi oprește definitiv pe cei care încearcă să ghicească codul PIN, dar tot ce nu a ajuns la echipă se pierde odată cu ștergerea.
erase-after-is-on = Pornită: 10 coduri PIN greșite la rând șterg acest telefon.
erase-after-is-off = Oprită: codurile PIN greșite doar prelungesc așteptarea până la următoarea încercare.
turn-it-on = Pornește
turn-it-off = Oprește
new-promise = + Ceva ce am spus că vom face
promise-what-hint = De exemplu: întreba primăria despre rampă
promise-who = Cine o va face?
who-supporter = Eu, persoana care ajută
who-resident = Beneficiarul
who-circle = Cineva din cercul său
who-team = Echipa Connect
circle-person-name = Numele
promise-when = Când?
when-day = Într-o anumită zi
when-this-week = Săptămâna aceasta
when-no-rush = Fără grabă
when-not-said = Nu s-a spus
promise-day = Ziua
promise-for-ask = Pentru una dintre cererile sale
no-ask = Niciuna
promise-team-only = Doar echipa o poate vedea
edit-promise = Corectează această promisiune
promise-saved = Salvată. Apare la Azi când îi vine termenul.
when-they-call = când sună
plan-next-visit = Plănuiește următoarea vizită
change-next-visit = Schimbă data
visit-day = Ziua vizitei
save-day = Salvează ziua
they-will-call = Sună când vrea o vizită
moved-at-their-wish = mutată la dorința sa
today-title = Azi
show-all = Arată tot
visits-today = Vizite azi
visits-this-week = Vizite săptămâna aceasta
promises-due = Promisiuni la termen
promises-this-week = Promisiuni săptămâna aceasta
not-seen-for-awhile = Fără vizită de ceva vreme
nothing-today = Nimic plănuit sau la termen, iar toată lumea a fost văzută în ultima vreme.
today-hint = Nimic de aici nu este blocat sau întârziat pentru totdeauna: faceți lucrurile când puteți.
planned-for = plănuită pentru { $day }
last-seen = ultima întâlnire acum { $n ->
    [one] o zi
    [few] { $n } zile
   *[other] { $n } de zile
    }
not-seen-since-joining = nicio întâlnire de la înscriere
not-seen-heading = Fără vizită de ceva vreme
not-seen-hint = Ecranul Azi arată beneficiarii fără vizită sau contact de atâtea zile, dacă nu este plănuită o vizită și nu au spus că vor suna ei. Trei săptămâni, dacă echipa nu stabilește altfel.
not-seen-days = Zile
not-seen-saved = Salvat pentru toată echipa.
promise-figures = Ce am spus că vom face
promises-made-kept = Promisiuni făcute → ținute
by-supporters = de persoanele care ajută
by-residents = de beneficiari
by-circles = de oameni din cercurile lor
by-team = de echipă
days-to-keep = Zile până la ținerea unei promisiuni (valoarea din mijloc)
asks-met-after-promise = Cereri rezolvate după o promisiune
main-nav = Principal
checkins-asked-in = Discuții care pot conta, puse în { $language }
checkin-asked-with-screens-in = Întrebări puse cu ecranele în { $language }
# Settings' voice notes and photos.
media-budget = Păstrează notele vocale și fotografiile echipei pentru vizitele fără semnal, până la
media-space-used = Păstrate de la echipă: { $fetched }. Făcute pe acest telefon: { $here } (păstrate până ajung la echipă, oricare ar fi limita).
