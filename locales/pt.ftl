# Connect Companion in Portuguese (Português).
# Awaits review by a native speaker from the community.
# Connect Companion em português.
# Aguarda revisão por um falante nativo da comunidade.

## Resident-facing: every language shipped covers all of these

day-at-time = { $day } às { $time }
promise-sentence = { $who ->
    [your-supporter] A pessoa que lhe dá apoio vai { $what }
    [you] Vai { $what }
    [supporter] A pessoa de apoio vai { $what }
    [team] A equipa Connect vai { $what }
   *[named] { $name } vai { $what }
    }
weekday = { $day ->
    [1] segunda-feira
    [2] terça-feira
    [3] quarta-feira
    [4] quinta-feira
    [5] sexta-feira
    [6] sábado
   *[7] domingo
    }
date-day-month = { $day } de { $month ->
    [1] janeiro
    [2] fevereiro
    [3] março
    [4] abril
    [5] maio
    [6] junho
    [7] julho
    [8] agosto
    [9] setembro
    [10] outubro
    [11] novembro
   *[12] dezembro
    }
date-day-month-year = { date-day-month } de { $year }
date-short = { $day } { $month ->
    [1] jan.
    [2] fev.
    [3] mar.
    [4] abr.
    [5] mai.
    [6] jun.
    [7] jul.
    [8] ago.
    [9] set.
    [10] out.
    [11] nov.
   *[12] dez.
    }
in-month = { $month ->
    [1] em janeiro
    [2] em fevereiro
    [3] em março
    [4] em abril
    [5] em maio
    [6] em junho
    [7] em julho
    [8] em agosto
    [9] em setembro
    [10] em outubro
    [11] em novembro
   *[12] em dezembro
    }

skip-to-content = Saltar para o conteúdo
saved-here = Guardado neste telefone
not-sent-yet = Guardado neste telefone, ainda não enviado
sent-to-team = Enviado para a equipa
last-sent = Último envio: { $when }
never-sent = Ainda nada foi enviado
send-now = Enviar agora
send-status = O que já chegou à equipa
today = hoje
yesterday = ontem
tomorrow = amanhã
on-day = { $day }
in-days = { $n ->
    [one] daqui a { $n } dia
    [many] daqui a { $n } dias
   *[other] daqui a { $n } dias
    }
sending = A enviar…
send-failed = Não foi possível chegar à equipa. Nada se perdeu:
send-done = Enviado.
next-send = próximo envio às { $time }
next-try = nova tentativa às { $time }
offline-waits = sem rede: é enviado quando a rede voltar
send-will-retry = Não foi possível chegar à equipa agora; volta a tentar sozinho. Nada se perdeu:
sent-once-joined = É enviado quando este telefone se juntar à sua equipa.
join-team-to-send = Junte-se à sua equipa nas Definições para o enviar.
add = Adicionar
never = nunca
only-here = Só neste telefone
waiting = Ainda não enviado
on-relay = Enviado para a equipa
tab-page = O que posso oferecer
tab-circle = Círculo de apoio
tab-journal = Diário
about-me = Sobre mim
offers = O que posso oferecer
asks = Pode ajudar-me com…?
goals = Objetivos e o que pode ser possível
in-their-words = Nas suas próprias palavras
in-my-words = Nas minhas palavras
written-down-by-supporter = escrito pela pessoa que lhe dá apoio
written-down-by-team = escrito pela equipa
added-by = Adicionado por { $name }
new-offer = Uma nova oferta
new-ask = Um novo pedido
new-goal = Um novo objetivo
category = Tipo de ajuda
save = Guardar
cancel = Cancelar
edit-item = Alterar
hide = Esconder
undo = Desfazer
hidden-notice = Escondido. Fica guardado e pode voltar a ser mostrado.
status = Estado
status-open = Em aberto
status-in-progress = Alguém está a ajudar
status-met = Conseguido
status-not-now = Agora não
cat-practical = Prático
cat-caring = Cuidar
cat-company = Companhia
cat-creative = Criativo
cat-knowledge = Conhecimentos
cat-other = Outra coisa
ring-intimacy = Os mais próximos
ring-friendship = Amigos
ring-participation = Grupos e atividades
ring-exchange = Pessoas que ajudam (pagas ou em troca)
ring-possibility = Pode vir a ser possível
circle-list-heading = Todas as pessoas do círculo
ring = Círculo
two-way = A ajuda vai nos dois sentidos
both = nos dois sentidos
not-today = Hoje não
note-for-resident = A pessoa e a equipa
not-today-did-not-want = Não quis visita hoje
not-today-could-not-go = Não pude ir
not-today-were-out = Não estava em casa
no-visit-saved = Registado: sem visita hoje.
notes-from-visits = Notas das visitas
shared = Partilhado com a pessoa
my-page = A minha página
more-about-this-phone = Mais
ioffer = Algo que posso oferecer
iask = Algo em que gostaria de ter ajuda
hide-this = Esconder isto
not-now = Agora não
give-back = Devolver o telefone
resident-mode-hint = Esta é a sua página. Acrescente o que pode oferecer e aquilo em que gostaria de ter ajuda, com as suas palavras.
settings = Definições
language = Língua
done = Pronto
error-prefix = Não resultou: { $why }
lock = Bloquear
locked-heading = Introduza o seu código PIN
locked-hint = A informação das pessoas guardada neste telefone está bloqueada.
pin = Código PIN
unlock = Desbloquear
unlocking = A verificar…
loading = A abrir…
tab-record = O seu registo
tab-checkins = Como tem estado
tab-story = A história
circle-changed = Como o círculo mudou
or-pick-adate = Ou escolha uma data
now = agora
visit-on = visita de { $day }
in-circle = No círculo
two-way-ties = Nos dois sentidos
new-since-visit = Novo desde a visita anterior:
nothing-new = Ninguém novo desde a visita anterior.
start-checkin = Começar as perguntas
start-short-checkin = Começar
all-questions = Todas as perguntas
change-last-answer = Mudar a minha última resposta
life-map-question = Como estão as coisas em relação a: { $area }?
rag-hard = Difícil neste momento
rag-worries = Algumas preocupações
rag-well = Está a correr bem
you-lonely = Sentir-se só
you-satisfied = Até que ponto está contente com a vida
you-worthwhile = Até que ponto as coisas valem a pena
you-happy = Até que ponto se tem sentido feliz
you-anxious = Quanta preocupação tem sentido
kind-better = { $what }: melhor do que { $since }.
kind-same = { $what }: mais ou menos como { $since }.
kind-worse = { $what }: obrigado por nos ter contado. A pessoa que lhe dá apoio está aqui para falar sobre isso consigo.
no-checkins-yet = Ainda não há respostas.
only-one-checkin = Só uma vez até agora: da próxima vez poderá ver como as coisas mudam.
nothing-to-compare = Perguntas diferentes de cada vez, por isso ainda não há nada para comparar.
how-have-things-changed = Como mudaram as coisas para mim?
thank-you = Obrigado.
checkin-intro-count = { $n ->
    [one] Uma pergunta curta
    [many] { $n } perguntas curtas
   *[other] { $n } perguntas curtas
    } sobre como estão as coisas. Pode saltar as que quiser, ou parar a qualquer momento.
checkin-intro = Algumas perguntas curtas sobre como estão as coisas. Pode saltar as que quiser, ou parar a qualquer momento.
skip = Saltar esta
not-today-thanks = Hoje não, obrigado
stop-here = Parar aqui
consent-question = Estas respostas podem contar nos números da equipa, sem o seu nome?
yes-count = Sim, podem contar
no-count = Não, ficam só para mim
checkin-saved = Obrigado. As suas respostas estão guardadas.
not-today-saved = Não faz mal. Ficou registado «hoje não», e mais nada.
my-trend = Como as coisas mudaram
story-heading = A minha história, nas minhas palavras
story-hint = A história é sua. Escolhe quem a pode ler, e pode mudar isso a qualquer momento.
consent-heading = Quem pode ler a minha história?
consent-now = Agora:
consent-confirm-anonymous = Pessoas de fora da equipa Connect poderiam ler a sua história. O seu nome e os nomes das pessoas que conhece seriam retirados. É isso que quer?
consent-confirm-named = Pessoas de fora da equipa Connect poderiam ler a sua história, com o seu nome. É isso que quer?
consent-confirm-team = Todas as pessoas da equipa Connect poderiam ler a sua história. É isso que quer?
consent-yes = Sim, é isso que quero
consent-no = Não, deixar como está
consent-private = Só eu e a pessoa que me dá apoio
consent-team = A equipa Connect
consent-anonymous = Partilhada fora da equipa, sem o meu nome
consent-named = Partilhada fora da equipa, com o meu nome
consent-history = Mudanças na autorização
save-story = Guardar a história
changed-by = Alterado por { $name }
introductions = Apresentações
intro-ask = Alguém que talvez possa ajudar com:
intro-offer = Alguém que talvez goste da sua oferta:
intro-why = Porquê
intro-yes = Sim, apresentem-nos
intro-no = Não, obrigado
intro-said-yes = Disse que sim
intro-said-no = Disse que não, obrigado
give-back-to = Por favor, devolva este telefone a { $name }
only-they-unlock = Só { $name } o pode desbloquear. Obrigado!
what-we-said = O que dissemos que íamos fazer
when-due = até { $day }
was-due = era para { $day }
no-rush = sem pressa
promise-open = Por fazer
promise-done = Feito
promise-not-now = Agora não
promise-no-longer = Já não é preciso
mark-no-longer = Já não é preciso
still-to-do = Afinal, ainda por fazer
promise-marked = Marcado.
nothing-promised = Ainda nada foi prometido.
earlier-promises = Feitas e postas de parte
iwill-do = + Algo que eu vou fazer
promise-what = O que vai ser feito?
save-promise = Guardar a promessa
promise-saved-changes = Guardado.
next-visit = Próxima visita
no-next-visit = Ainda não há visita marcada.
when-icall = quando eu telefonar
icall = Eu telefono quando quiser uma visita
not-then-another-day = Nessa altura não: outro dia
moved-at-my-wish = mudada a meu pedido
next-visit-saved = Próxima visita guardada.
wait-seconds = { $n ->
    [one] { $n } segundo
    [many] { $n } segundos
   *[other] { $n } segundos
    }
wait-minutes = { $n ->
    [one] { $n } minuto
    [many] { $n } minutos
   *[other] { $n } minutos
    }
my-page-named = A minha página: { $name }
error-wiped = Este telemóvel foi retirado da equipa, e tudo o que dizia respeito aos residentes foi apagado dele.
error-not-enrolled = Este telemóvel ainda não faz parte de uma equipa. Peça um convite ao seu coordenador e adicione-o nas Definições.
error-unreachable = Agora não há ligação à equipa.
error-wait = O servidor da equipa pediu a este telemóvel que espere um pouco; nada se perdeu.
error-unavailable = A aplicação deixou de responder. Feche-a e abra-a de novo; nada se perdeu.
error-locked = A aplicação está bloqueada. Desbloqueie-a para continuar; nada se perdeu.
error-erased = Demasiados PIN errados: este telemóvel apagou os seus dados, como a equipa decidiu. O que chegou à equipa está seguro: configure o telemóvel de novo e junte-se à equipa para o recuperar.
app-name = Connect Companion
wrong-pins-so-far = { $n ->
    [one] { $n } código PIN errado
    [many] { $n } códigos PIN errados seguidos
   *[other] { $n } códigos PIN errados seguidos
    }
forgot-pin = Esqueceu-se do código PIN?
forgot-pin-explain = O código PIN não pode ser recuperado, e sem ele ninguém consegue abrir a informação guardada neste telefone. Pode apagar este telefone e prepará-lo de novo: o que já chegou à equipa está seguro com a equipa e volta quando se juntar outra vez à equipa.
forgot-pin-loss = As alterações que não chegaram à equipa vão perder-se.
erase-this-phone = Apagar este telefone e começar de novo
use-letters = Escrever letras
use-number-pad = Usar o teclado de números
try-again-in = Demasiados códigos PIN errados. Pode tentar de novo daqui a { $wait }.
wait-counts-here = O tempo de espera vai contando enquanto este ecrã estiver aberto.
unlock-fingerprint = Desbloquear com a impressão digital ou o rosto
locked-heading-no-pin = Desbloqueie este telefone
fingerprint-then-pin = Depois do código PIN, este telefone pede também a impressão digital ou o rosto.
their-pin = Código PIN de { $name }
erase-after-warning = Depois de { $n ->
    [one] { $n } código PIN errado
    [many] { $n } códigos PIN errados seguidos
   *[other] { $n } códigos PIN errados seguidos
    }, este telefone apaga-se sozinho, como a sua equipa decidiu.
unsent-some = { $n ->
    [one] { $n } alteração neste telefone ainda não chegou à equipa: ao apagar, perde-se.
    [many] { $n } alterações neste telefone ainda não chegaram à equipa: ao apagar, perdem-se.
   *[other] { $n } alterações neste telefone ainda não chegaram à equipa: ao apagar, perdem-se.
    }
unsent-none = Todas as alterações deste telefone já chegaram à equipa.
type-erase = Para confirmar, escreva APAGAR
erase-word = APAGAR
demo-banner = Lista de demonstração: todas as pessoas aqui são fictícias.
mark-met = Marcar como conseguido
circle-map-label = Mapa do círculo de apoio: círculos desde os mais próximos (ao centro) até ao que pode vir a ser possível (por fora)
no-ties = Ainda não há ninguém no círculo.
declined = Disse que não
no-notes = Ainda não há notas.
pin-again = O mesmo código PIN outra vez
everything-about-me = Tudo o que este telefone tem sobre mim
own-page-on-its-way = A sua página chega da equipa da próxima vez que este telefone tiver rede. Toque em «Enviar agora» quando tiver rede.
storage-title = Espaço neste telefone
storage-used = { $used } usados pela aplicação · { $left } ainda livres para ela
storage-may-be-cleared = Este navegador pode apagar os dados quando houver pouco espaço: envie para a equipa muitas vezes.
storage-kept = Este navegador guarda os dados da aplicação mesmo quando há pouco espaço.
pins-differ = Os dois códigos PIN são diferentes. Escreva-os outra vez.
this-phone = Este telefone
lock-heading = Bloquear o telefone
own-lock-hint = Ninguém pode ler a sua página neste telefone até o seu código PIN ser escrito outra vez.
own-copy-heading = Tudo o que este telefone guarda sobre si
own-copy-hint = A sua página, o seu círculo, as suas respostas sobre como tem estado, a sua história e o diário partilhado consigo, numa só página que pode ler aqui, guardar ou imprimir. As notas que a equipa guarda só para si nunca chegam a este telefone.
read-copy = Mostrar aqui
read-copy-title = Tudo o que este telefone guarda sobre si, para ler
prepare-copy = Preparar uma cópia
preparing = A preparar…
save-readable = Guardar a cópia para ler
save-data = Guardar os dados (JSON)
stop-counting = Deixar de contar isto nos números da equipa
let-it-count = Contar isto nos números da equipa
change-pin = Mudar o código PIN
current-pin = Código PIN atual
new-pin = Novo código PIN (pelo menos 6 caracteres)
pin-changed = O código PIN foi mudado. A partir de agora, use o novo.
store-encrypted = Tudo o que está neste aparelho está cifrado e só abre com o código PIN.
question-of = Pergunta { $n } / { $total }
past-checkins = As respostas até agora
counts-in-figures = conta nos números da equipa
kept-private = fica fora dos números da equipa
pin-rule = Pelo menos 6 algarismos, ou uma frase-passe com letras. Códigos PIN fáceis como 123456, 111111 ou 121212 não são aceites.
promise-when = Quando?
when-day = Num dia certo
when-this-week = Esta semana
when-no-rush = Sem pressa
when-not-said = Não foi dito
promise-day = O dia
visit-day = Dia da visita
save-day = Guardar o dia
checkin-asked-in-english = Estas perguntas são feitas em inglês, com as palavras com que foram testadas, para que as respostas se possam comparar. A pessoa que lhe dá apoio pode ajudar com qualquer palavra.
# Voice notes and photos.
add-voice-or-photo = Adicionar uma nota de voz ou uma foto
voice-notes-and-photos = Notas de voz e fotos
record-voice = Gravar uma nota de voz
record-my-voice = Gravar a minha voz
take-photo = Tirar uma foto
choose-photo = Escolher uma foto
starting-microphone = A ligar o microfone…
recording-time = A gravar: { $time } de { $most }
stop-recording = Parar de gravar
take-the-photo = Tirar a foto
dont-keep = Não guardar
keep-it = Guardar
new-photo = A nova foto
new-voice-note = A nova nota de voz
photo-caption = O que a foto mostra
voice-caption = De que fala a nota de voz
transcript-label = O que diz, por escrito (se quiser)
file-too-large = Esse ficheiro é grande demais para uma foto (64 MB no máximo).
file-unreadable = Não foi possível ler esse ficheiro. Experimente outro.
media-kept = Guardada neste telefone. Vai para a equipa no próximo envio.
voice-note = Nota de voz
voice-note-length = Nota de voz, { $time }
photo = Foto
fetch-media = Ir buscar à equipa ({ $size })
try-again = Tentar de novo
show-larger = Mostrar a foto maior
show-smaller = Mostrar a foto mais pequena
play = Ouvir
pause = Pausa
what-it-says = O que diz
remove = Remover
remove-it = Sim, remover
remove-voice-everywhere = Remover esta nota de voz de todos os telefones e da equipa?
remove-photo-everywhere = Remover esta foto de todos os telefones e da equipa?
media-removed = Removida. Desaparece dos outros telefones no próximo envio de cada um.
media-only-here = Só neste telefone
media-sending = A enviar: { $percent }% já está com a equipa
media-safe = Em segurança com a equipa
media-with-team = Com a equipa, não neste telefone
media-stuck = Não enviada: { $why }
voice-notes-only-here = { $n ->
    [one] { $n } nota de voz só neste telefone
    [many] { $n } notas de voz só neste telefone
   *[other] { $n } notas de voz só neste telefone
    }
photos-only-here = { $n ->
    [one] { $n } foto só neste telefone
    [many] { $n } fotos só neste telefone
   *[other] { $n } fotos só neste telefone
    }
