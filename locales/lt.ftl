# Connect Companion in Lithuanian (Lietuvių).
# Awaits review by a native speaker from the community.
# Connect Companion lietuvių kalba.
# Laukia bendruomenės gimtakalbio peržiūros.

## Resident-facing: every language shipped covers all of these

day-at-time = { $day } { $time }
promise-sentence = { $who ->
    [your-supporter] Jums padedantis žmogus žada { $what }
    [you] Jūs žadate { $what }
    [supporter] Padedantis žmogus žada { $what }
    [team] Connect komanda žada { $what }
   *[named] { $name } žada { $what }
    }
weekday = { $day ->
    [1] pirmadienį
    [2] antradienį
    [3] trečiadienį
    [4] ketvirtadienį
    [5] penktadienį
    [6] šeštadienį
   *[7] sekmadienį
    }
date-day-month = { $month ->
    [1] sausio
    [2] vasario
    [3] kovo
    [4] balandžio
    [5] gegužės
    [6] birželio
    [7] liepos
    [8] rugpjūčio
    [9] rugsėjo
    [10] spalio
    [11] lapkričio
   *[12] gruodžio
    } { $day } d.
date-day-month-year = { $year } m. { date-day-month }
date-short = { $month ->
    [1] saus.
    [2] vas.
    [3] kov.
    [4] bal.
    [5] geg.
    [6] birž.
    [7] liep.
    [8] rugp.
    [9] rugs.
    [10] spal.
    [11] lapkr.
   *[12] gruod.
    } { $day }
in-month = { $month ->
    [1] sausį
    [2] vasarį
    [3] kovą
    [4] balandį
    [5] gegužę
    [6] birželį
    [7] liepą
    [8] rugpjūtį
    [9] rugsėjį
    [10] spalį
    [11] lapkritį
   *[12] gruodį
    }

skip-to-content = Pereiti prie turinio
saved-here = Išsaugota šiame telefone
not-sent-yet = Išsaugota šiame telefone, dar neišsiųsta
sent-to-team = Išsiųsta komandai
last-sent = Paskutinį kartą išsiųsta: { $when }
never-sent = Dar nieko neišsiųsta
send-now = Siųsti dabar
send-status = Kas jau pasiekė komandą
today = šiandien
yesterday = vakar
tomorrow = rytoj
on-day = { $day }
in-days = { $n ->
    [one] po { $n } dienos
    [few] po { $n } dienų
    [many] po { $n } dienos
   *[other] po { $n } dienų
    }
sending = Siunčiama…
send-failed = Nepavyko susisiekti su komanda. Niekas neprarasta:
send-done = Išsiųsta.
next-send = kitas siuntimas { $time }
next-try = kitas bandymas { $time }
offline-waits = nėra ryšio: bus išsiųsta, kai ryšys grįš
send-will-retry = Šiuo metu nepavyko susisiekti su komanda; telefonas pats bandys dar kartą. Niekas neprarasta:
sent-once-joined = Bus išsiųsta, kai šis telefonas prisijungs prie Jūsų komandos.
join-team-to-send = Kad galėtumėte išsiųsti, prisijunkite prie savo komandos skiltyje „Nustatymai“.
add = Pridėti
never = niekada
only-here = Tik šiame telefone
waiting = Dar neišsiųsta
on-relay = Išsiųsta komandai
tab-page = Ką galiu pasiūlyti
tab-circle = Artimųjų ratas
tab-journal = Dienoraštis
about-me = Apie mane
offers = Ką galiu pasiūlyti
asks = Kuo galėtumėte man padėti?
goals = Tikslai ir tai, kas galėtų būti įmanoma
in-their-words = Savais žodžiais
in-my-words = Mano žodžiais
written-down-by-supporter = užrašė padedantis žmogus
written-down-by-team = užrašė komanda
added-by = Pridėjo { $name }
new-offer = Naujas pasiūlymas
new-ask = Naujas prašymas
new-goal = Naujas tikslas
category = Pagalbos rūšis
save = Išsaugoti
cancel = Atšaukti
edit-item = Keisti
hide = Paslėpti
undo = Grąžinti
hidden-notice = Paslėpta. Niekas neištrinta, galima bet kada grąžinti.
status = Būsena
status-open = Dar laukia
status-in-progress = Kažkas jau padeda
status-met = Išpildyta
status-not-now = Ne dabar
cat-practical = Praktinė pagalba
cat-caring = Rūpinimasis
cat-company = Draugija
cat-creative = Kūryba
cat-knowledge = Žinios
cat-other = Kita
ring-intimacy = Artimiausi
ring-friendship = Draugai
ring-participation = Grupės ir veikla
ring-exchange = Žmonės, kurie padeda (už atlygį ar mainais)
ring-possibility = Galėtų būti
circle-list-heading = Visi rato žmonės
ring = Ratas
two-way = Pagalba abipusė
both = abiem kryptimis
not-today = Ne šiandien
note-for-resident = Lankomas žmogus ir komanda
not-today-did-not-want = Šiandien nenorėjo apsilankymo
not-today-could-not-go = Negalėjau nueiti
not-today-were-out = Nebuvo namuose
no-visit-saved = Užrašyta: šiandien apsilankymo nebuvo.
notes-from-visits = Užrašai iš apsilankymų
shared = Matoma ir lankomam žmogui
my-page = Mano puslapis
more-about-this-phone = Daugiau
ioffer = Galiu pasiūlyti…
iask = Norėčiau pagalbos…
hide-this = Paslėpti
not-now = Ne dabar
give-back = Grąžinti telefoną
resident-mode-hint = Tai Jūsų puslapis. Savais žodžiais įrašykite, ką galite pasiūlyti ir dėl ko norėtumėte pagalbos.
settings = Nustatymai
language = Kalba
done = Baigta
error-prefix = Nepavyko: { $why }
lock = Užrakinti
locked-heading = Įveskite PIN kodą
locked-hint = Lankomų žmonių informacija šiame telefone užrakinta.
pin = PIN kodas
unlock = Atrakinti
unlocking = Tikrinama…
loading = Atidaroma…
tab-record = Įrašai
tab-checkins = Kaip sekasi
tab-story = Istorija
circle-changed = Kaip keitėsi ratas
or-pick-adate = Arba pasirinkite bet kurią dieną
now = dabar
visit-on = apsilankymas { $day }
in-circle = Rate
two-way-ties = Abiem kryptimis
new-since-visit = Nauji nuo ankstesnio apsilankymo:
nothing-new = Nuo ankstesnio apsilankymo naujų žmonių nėra.
start-checkin = Pradėti trumpus klausimus
start-short-checkin = Pradėti
all-questions = Visi klausimai
change-last-answer = Pakeisti paskutinį atsakymą
life-map-question = Kaip Jums sekasi šioje srityje: { $area }?
rag-hard = Dabar sunku
rag-worries = Šiek tiek rūpesčių
rag-well = Sekasi gerai
you-lonely = Vienišumo jausmas
you-satisfied = Kiek Jus tenkina gyvenimas
you-worthwhile = Kiek prasminga atrodo tai, ką darote
you-happy = Kiek laimingai jautėtės
you-anxious = Kiek nerimo jautėte
kind-better = { $what }: geriau nei { $since }.
kind-same = { $what }: maždaug taip pat kaip { $since }.
kind-worse = { $what }: ačiū, kad mums pasakėte. Jums padedantis žmogus yra šalia ir mielai apie tai su Jumis pasikalbės.
no-checkins-yet = Atsakymų dar nėra.
only-one-checkin = Kol kas atsakyta tik vieną kartą: kitą kartą matysite, kas pasikeitė.
nothing-to-compare = Kiekvieną kartą klausimai buvo kitokie, todėl dar nėra ko palyginti.
how-have-things-changed = Kaip keitėsi mano reikalai?
thank-you = Ačiū.
checkin-intro-count = { $n ->
    [one] { $n } trumpas klausimas
    [few] { $n } trumpi klausimai
    [many] { $n } trumpo klausimo
   *[other] { $n } trumpų klausimų
    } apie tai, kaip Jums sekasi. Jei norite, bet kurį galite praleisti arba bet kada sustoti.
checkin-intro = Keli trumpi klausimai apie tai, kaip Jums sekasi. Jei norite, bet kurį galite praleisti arba bet kada sustoti.
skip = Praleisti šį klausimą
not-today-thanks = Ne šiandien, ačiū
stop-here = Sustoti čia
consent-question = Ar galime įtraukti šiuos atsakymus į bendrus komandos skaičius, nenurodydami Jūsų vardo?
yes-count = Taip, galite įtraukti
no-count = Ne, palikite tik man
checkin-saved = Ačiū. Jūsų atsakymai išsaugoti.
not-today-saved = Nieko tokio. Užrašyta tik „Ne šiandien“, daugiau nieko.
my-trend = Kaip keitėsi reikalai
story-heading = Mano istorija, mano žodžiais
story-hint = Ši istorija – Jūsų. Jūs pasirenkate, kas gali ją skaityti, ir bet kada galite tai pakeisti.
consent-heading = Kas gali skaityti mano istoriją?
consent-now = Dabar:
consent-confirm-anonymous = Jūsų istoriją galėtų skaityti žmonės ne iš Connect komandos. Jūsų vardas ir pažįstamų žmonių vardai būtų pašalinti. Ar to norite?
consent-confirm-named = Jūsų istoriją su Jūsų vardu galėtų skaityti žmonės ne iš Connect komandos. Ar to norite?
consent-confirm-team = Jūsų istoriją galėtų skaityti visi Connect komandos žmonės. Ar to norite?
consent-yes = Taip, to noriu
consent-no = Ne, palikite kaip yra
consent-private = Tik aš ir man padedantis žmogus
consent-team = Connect komanda
consent-anonymous = Už komandos ribų, be mano vardo
consent-named = Už komandos ribų, su mano vardu
consent-history = Kaip keitėsi sutikimas
save-story = Išsaugoti istoriją
changed-by = Pakeitė { $name }
introductions = Pažintys
intro-ask = Žmogus, kuris galėtų padėti:
intro-offer = Žmogus, kuriam galėtų praversti Jūsų pasiūlymas:
intro-why = Kodėl
intro-yes = Taip, supažindinkite mus
intro-no = Ne, ačiū
intro-said-yes = Atsakėte: taip
intro-said-no = Atsakėte: ne, ačiū
give-back-to = Prašome grąžinti šį telefoną: { $name }
only-they-unlock = Jį atrakinti gali tik { $name }. Ačiū!
what-we-said = Ką sutarėme padaryti
when-due = ne vėliau kaip { $day }
was-due = buvo numatyta { $day }
no-rush = neskubama
promise-open = Dar reikia padaryti
promise-done = Padaryta
promise-not-now = Ne dabar
promise-no-longer = Nebereikia
mark-no-longer = Nebereikia
still-to-do = Vis dėlto dar reikia padaryti
promise-marked = Pažymėta.
nothing-promised = Dar nieko nepažadėta.
earlier-promises = Padaryta ir atidėta
iwill-do = + Ką padarysiu aš
promise-what = Ką reikia padaryti?
save-promise = Išsaugoti pažadą
promise-saved-changes = Išsaugota.
next-visit = Kitas apsilankymas
no-next-visit = Kitas apsilankymas dar nesuplanuotas.
when-icall = kai paskambinsiu
icall = Paskambinsiu, kai norėsiu apsilankymo
not-then-another-day = Ne tada: kitą dieną
moved-at-my-wish = perkelta mano prašymu
next-visit-saved = Kitas apsilankymas išsaugotas.
wait-seconds = { $n ->
    [one] { $n } sekundė
    [few] { $n } sekundės
    [many] { $n } sekundės
   *[other] { $n } sekundžių
    }
wait-minutes = { $n ->
    [one] { $n } minutė
    [few] { $n } minutės
    [many] { $n } minutės
   *[other] { $n } minučių
    }
my-page-named = Mano puslapis: { $name }
error-wiped = Šis telefonas pašalintas iš komandos, o viskas apie gyventojus iš jo ištrinta.
error-not-enrolled = Šis telefonas dar nepriklauso komandai. Paprašykite koordinatoriaus kvietimo ir įveskite jį nustatymuose.
error-unreachable = Šiuo metu nėra ryšio su komanda.
error-wait = Komandos serveris paprašė šio telefono šiek tiek palaukti; niekas neprarasta.
error-unavailable = Programėlė nustojo atsakinėti. Uždarykite ją ir atidarykite iš naujo; niekas neprarasta.
error-locked = Programėlė užrakinta. Atrakinkite ją, kad galėtumėte tęsti; niekas neprarasta.
error-erased = Per daug neteisingų PIN kodų: telefonas ištrynė savo duomenis, kaip nusprendė komanda. Tai, kas pasiekė komandą, yra saugu: vėl nustatykite telefoną ir prisijunkite prie komandos.
app-name = Connect Companion
wrong-pins-so-far = { $n ->
    [one] { $n } neteisingas PIN kodas
    [few] { $n } neteisingi PIN kodai iš eilės
    [many] { $n } neteisingo PIN kodo iš eilės
   *[other] { $n } neteisingų PIN kodų iš eilės
    }
forgot-pin = Pamiršote PIN kodą?
forgot-pin-explain = PIN kodo atkurti neįmanoma, o be jo niekas negali atverti šiame telefone esančios informacijos. Galite ištrinti viską, kas yra šiame telefone, ir paruošti jį iš naujo: tai, kas jau pasiekė komandą, saugiai laikoma pas komandą ir sugrįš, kai vėl prisijungsite prie komandos.
forgot-pin-loss = Pakeitimai, kurie dar nepasiekė komandos, bus prarasti.
erase-this-phone = Ištrinti viską šiame telefone ir pradėti iš naujo
use-letters = Rašyti raidėmis
use-number-pad = Naudoti skaičių klaviatūrą
try-again-in = Per daug neteisingų PIN kodų. Vėl bandyti galėsite, kai praeis { $wait }.
wait-counts-here = Laukimo laikas skaičiuojamas, kol šis ekranas atidarytas.
unlock-fingerprint = Atrakinti piršto atspaudu arba veidu
locked-heading-no-pin = Atrakinkite šį telefoną
fingerprint-then-pin = Įvedus PIN kodą, šis telefonas dar paprašys piršto atspaudo arba veido.
their-pin = { $name }: PIN kodas
erase-after-warning = Po { $n ->
    [one] { $n } neteisingo PIN kodo iš eilės
    [few] { $n } neteisingų PIN kodų iš eilės
    [many] { $n } neteisingo PIN kodo iš eilės
   *[other] { $n } neteisingų PIN kodų iš eilės
    } viskas šiame telefone ištrinama savaime – taip nusprendė Jūsų komanda.
unsent-some = { $n ->
    [one] { $n } pakeitimas šiame telefone dar nepasiekė komandos: ištrynus jis bus prarastas.
    [few] { $n } pakeitimai šiame telefone dar nepasiekė komandos: ištrynus jie bus prarasti.
    [many] { $n } pakeitimo šiame telefone dar nepasiekė komandos: ištrynus jie bus prarasti.
   *[other] { $n } pakeitimų šiame telefone dar nepasiekė komandos: ištrynus jie bus prarasti.
    }
unsent-none = Visi šio telefono pakeitimai jau pasiekė komandą.
type-erase = Kad patvirtintumėte, įrašykite TRINTI
erase-word = TRINTI
demo-banner = Parodomieji duomenys: visi čia esantys žmonės išgalvoti.
mark-met = Pažymėti kaip išpildytą
circle-map-label = Artimųjų rato žemėlapis: ratai nuo artimiausių (centre) iki to, kas galėtų būti (išorėje)
no-ties = Rate dar nieko nėra.
declined = Atsisakė
no-notes = Užrašų dar nėra.
pin-again = Tas pats PIN kodas dar kartą
everything-about-me = Viskas apie mane šiame telefone
own-page-on-its-way = Jūsų puslapis iš komandos ateis, kai šis telefonas kitą kartą turės ryšį. Kai bus ryšys, paspauskite „Siųsti dabar“.
storage-title = Vieta šiame telefone
storage-used = Programėlė užima { $used } · jai dar liko { $left }
storage-may-be-cleared = Pritrūkus vietos, ši naršyklė gali ištrinti savo įrašus: dažnai siųskite juos komandai.
storage-kept = Ši naršyklė išsaugo programėlės įrašus net ir pritrūkus vietos.
pins-differ = Abu PIN kodai skiriasi. Įveskite juos dar kartą.
this-phone = Šis telefonas
lock-heading = Užrakinti telefoną
own-lock-hint = Niekas negalės skaityti Jūsų puslapio šiame telefone, kol vėl nebus įvestas Jūsų PIN kodas.
own-copy-heading = Viskas, ką šis telefonas saugo apie Jus
own-copy-hint = Jūsų puslapis, Jūsų ratas, Jūsų atsakymai apie tai, kaip sekasi, Jūsų istorija ir su Jumis bendrinamas dienoraštis – viename puslapyje, kurį galite skaityti čia, išsaugoti arba atsispausdinti. Užrašai, kuriuos komanda laiko tik sau, į šį telefoną niekada nepatenka.
read-copy = Rodyti čia
read-copy-title = Viskas, ką šis telefonas saugo apie Jus, skaitymui
prepare-copy = Paruošti kopiją
preparing = Ruošiama…
save-readable = Išsaugoti kopiją skaitymui
save-data = Išsaugoti duomenis (JSON)
stop-counting = Neįtraukti į komandos skaičius
let-it-count = Įtraukti į komandos skaičius
change-pin = Pakeisti PIN kodą
current-pin = Dabartinis PIN kodas
new-pin = Naujas PIN kodas (bent 6 ženklai)
pin-changed = PIN kodas pakeistas. Nuo šiol naudokite naująjį.
store-encrypted = Viskas šiame įrenginyje užšifruota ir atsidaro tik su PIN kodu.
question-of = Klausimas { $n } / { $total }
past-checkins = Atsakymai iki šiol
counts-in-figures = įtraukta į komandos skaičius
kept-private = neįtraukta į komandos skaičius
pin-rule = Bent 6 skaitmenys arba slaptažodis su raidėmis. Lengvi PIN kodai, pavyzdžiui, 123456, 111111 ar 121212, nepriimami.
promise-when = Kada?
when-day = Tam tikrą dieną
when-this-week = Šią savaitę
when-no-rush = Neskubama
when-not-said = Nenurodyta
promise-day = Diena
visit-day = Apsilankymo diena
save-day = Išsaugoti dieną
checkin-asked-in-english = Šie klausimai užduodami angliškai, tais žodžiais, kuriais jie buvo patikrinti, kad atsakymus būtų galima palyginti. Jums padedantis žmogus padės su bet kuriuo žodžiu.
# Voice notes and photos.
add-voice-or-photo = Pridėti balso įrašą arba nuotrauką
voice-notes-and-photos = Balso įrašai ir nuotraukos
record-voice = Padaryti balso įrašą
record-my-voice = Įrašyti mano balsą
take-photo = Fotografuoti
choose-photo = Pasirinkti nuotrauką
starting-microphone = Įjungiamas mikrofonas…
recording-time = Įrašoma: { $time } iš { $most }
stop-recording = Sustabdyti įrašymą
take-the-photo = Nufotografuoti
dont-keep = Nesaugoti
keep-it = Išsaugoti
new-photo = Nauja nuotrauka
new-voice-note = Naujas balso įrašas
photo-caption = Kas matyti nuotraukoje
voice-caption = Apie ką šis balso įrašas
transcript-label = Kas pasakyta, užrašyta tekstu (jei norite)
file-too-large = Šis failas per didelis nuotraukai (ne daugiau kaip 64 MB).
file-unreadable = Šio failo nepavyko perskaityti. Pabandykite kitą.
media-kept = Išsaugota šiame telefone. Komandą pasieks per kitą siuntimą.
voice-note = Balso įrašas
voice-note-length = Balso įrašas, { $time }
photo = Nuotrauka
fetch-media = Gauti iš komandos ({ $size })
try-again = Bandyti dar kartą
show-larger = Padidinti nuotrauką
show-smaller = Sumažinti nuotrauką
play = Paleisti
pause = Pristabdyti
what-it-says = Kas pasakyta
remove = Pašalinti
remove-it = Taip, pašalinti
remove-voice-everywhere = Pašalinti šį balso įrašą iš visų telefonų ir iš komandos serverio?
remove-photo-everywhere = Pašalinti šią nuotrauką iš visų telefonų ir iš komandos serverio?
media-removed = Pašalinta. Iš kitų telefonų dings, kai jie kitą kartą siųs.
media-only-here = Tik šiame telefone
media-sending = Siunčiama: { $percent }% jau pas komandą
media-safe = Saugiai pas komandą
media-with-team = Pas komandą, ne šiame telefone
media-stuck = Neišsiųsta: { $why }
voice-notes-only-here = { $n ->
    [one] { $n } balso įrašas tik šiame telefone
    [few] { $n } balso įrašai tik šiame telefone
    [many] { $n } balso įrašo tik šiame telefone
   *[other] { $n } balso įrašų tik šiame telefone
    }
photos-only-here = { $n ->
    [one] { $n } nuotrauka tik šiame telefone
    [few] { $n } nuotraukos tik šiame telefone
    [many] { $n } nuotraukos tik šiame telefone
   *[other] { $n } nuotraukų tik šiame telefone
    }
