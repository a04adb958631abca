# Connect Companion in English: the source every other language translates.
# Ids are what the code asks for; change a text here, never an id.

## Resident-facing: every language shipped covers all of these

day-at-time = { $day } at { $time }
promise-sentence = { $who ->
    [your-supporter] Your supporter will { $what }
    [you] You will { $what }
    [supporter] The supporter will { $what }
    [team] The Connect team will { $what }
   *[named] { $name } will { $what }
    }
weekday = { $day ->
    [1] Monday
    [2] Tuesday
    [3] Wednesday
    [4] Thursday
    [5] Friday
    [6] Saturday
   *[7] Sunday
    }
date-day-month = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
    }
date-day-month-year = { date-day-month } { $year }
date-short = { $day } { $month ->
    [1] Jan
    [2] Feb
    [3] Mar
    [4] Apr
    [5] May
    [6] Jun
    [7] Jul
    [8] Aug
    [9] Sep
    [10] Oct
    [11] Nov
   *[12] Dec
    }
in-month = { $month ->
    [1] in January
    [2] in February
    [3] in March
    [4] in April
    [5] in May
    [6] in June
    [7] in July
    [8] in August
    [9] in September
    [10] in October
    [11] in November
   *[12] in December
    }

skip-to-content = Skip to the content
saved-here = Saved on this phone
not-sent-yet = Saved on this phone, not sent yet
sent-to-team = Sent to the team
last-sent = Last sent { $when }
never-sent = Nothing sent yet
send-now = Send now
send-status = What has reached the team
today = today
yesterday = yesterday
tomorrow = tomorrow
on-day = on { $day }
in-days = { $n ->
    [one] in { $n } day
   *[other] in { $n } days
    }
sending = Sending…
send-failed = Could not reach the team. Nothing is lost:
send-done = Sent.
next-send = next send at { $time }
next-try = next try at { $time }
offline-waits = no signal: it sends when the signal is back
send-will-retry = Could not reach the team just now; it tries again by itself. Nothing is lost:
sent-once-joined = It is sent once this phone joins your team.
join-team-to-send = Join your team in Settings to send it.
add = Add
never = never
only-here = Only on this phone
waiting = Not sent yet
on-relay = Sent to the team
tab-page = What I can offer
tab-circle = Circle of care
tab-journal = Journal
about-me = About me
offers = What I can offer
asks = Could you help me with…?
goals = Goals and what could be possible
in-their-words = In their words
in-my-words = In my words
written-down-by-supporter = written down by their supporter
written-down-by-team = written down by the team
added-by = Added by { $name }
new-offer = A new offer
new-ask = A new ask
new-goal = A new goal
category = Kind of help
save = Save
cancel = Cancel
edit-item = Edit
hide = Hide
undo = Undo
hidden-notice = Hidden. It is kept, and can be brought back.
status = Status
status-open = Open
status-in-progress = Someone is helping
status-met = Met
status-not-now = Not now
cat-practical = Practical
cat-caring = Caring
cat-company = Company
cat-creative = Creative
cat-knowledge = Knowledge
cat-other = Other
ring-intimacy = Closest
ring-friendship = Friends
ring-participation = Groups and activities
ring-exchange = People who help (paid or in exchange)
ring-possibility = Could be possible
circle-list-heading = Everyone in the circle
ring = Ring
two-way = Support goes both ways
both = both ways
not-today = Not today
note-for-resident = They and the team
not-today-did-not-want = They didn't want a visit today
not-today-could-not-go = I couldn't go
not-today-were-out = They were out
no-visit-saved = Recorded: no visit today.
notes-from-visits = Notes from visits
shared = Shared with the resident
my-page = My page
more-about-this-phone = More
ioffer = Something I can offer
iask = Something I'd like help with
hide-this = Hide this
not-now = Not now
give-back = Give the phone back
resident-mode-hint = This is your page. Add what you can offer and what you'd like help with, in your own words.
settings = Settings
language = Language
done = Done
error-prefix = That did not work: { $why }
lock = Lock
locked-heading = Enter your PIN
locked-hint = The residents' information on this phone is locked.
pin = PIN
unlock = Unlock
unlocking = Checking…
loading = Opening…
tab-record = Their record
tab-checkins = Check-ins
tab-story = Story
circle-changed = How the circle has changed
or-pick-adate = Or pick any date
now = now
visit-on = visit { $day }
in-circle = In the circle
two-way-ties = Both ways
new-since-visit = New since the visit before:
nothing-new = Nobody new since the visit before.
start-checkin = Start a check-in
start-short-checkin = Start
all-questions = All the questions
change-last-answer = Change my last answer
life-map-question = How are things with: { $area }?
rag-hard = Hard right now
rag-worries = Some worries
rag-well = Going well
you-lonely = Feeling lonely
you-satisfied = How satisfied you are with life
you-worthwhile = How worthwhile things feel
you-happy = How happy you have felt
you-anxious = How worried you have felt
kind-better = { $what }: better than { $since }.
kind-same = { $what }: about the same as { $since }.
kind-worse = { $what }: thank you for telling us. Your supporter is here to talk it through with you.
no-checkins-yet = No check-ins yet.
only-one-checkin = One check-in so far: next time you can see how things change.
nothing-to-compare = Different questions each time, so nothing to compare yet.
how-have-things-changed = How have things changed for me?
thank-you = Thank you.
checkin-intro-count = { $n ->
    [one] One short question
   *[other] { $n } short questions
    } about how things are. Skip any you like, or stop at any time.
checkin-intro = A few short questions about how things are. Skip any you like, or stop at any time.
skip = Skip this one
not-today-thanks = Not today, thank you
stop-here = Stop here
consent-question = May these answers count in the team's figures, without your name?
yes-count = Yes, they may count
no-count = No, keep them to me
checkin-saved = Thank you. Your answers are saved.
not-today-saved = That's fine. "Not today" is noted, and nothing else.
my-trend = How things have changed
story-heading = My story, in my words
story-hint = The story is yours. You choose who can read it, and you can change that at any time.
consent-heading = Who can read my story?
consent-now = Now:
consent-confirm-anonymous = People outside the Connect team could read your story. Your name and the names of people you know would be taken out. Is that what you want?
consent-confirm-named = People outside the Connect team could read your story, with your name on it. Is that what you want?
consent-confirm-team = Everyone in the Connect team could read your story. Is that what you want?
consent-yes = Yes, that is what I want
consent-no = No, keep it as it is
consent-private = Only me and my supporter
consent-team = The Connect team
consent-anonymous = Shared outside the team, without my name
consent-named = Shared outside the team, with my name
consent-history = Changes of consent
save-story = Save the story
changed-by = Changed by { $name }
introductions = Introductions
intro-ask = Someone who might help with:
intro-offer = Someone who might like your offer:
intro-why = Why
intro-yes = Yes, introduce us
intro-no = No, thank you
intro-said-yes = You said yes
intro-said-no = You said no, thank you
give-back-to = Please give this phone back to { $name }
only-they-unlock = Only { $name } can unlock it. Thank you!
what-we-said = What we said we'd do
when-due = by { $day }
was-due = was for { $day }
no-rush = no rush
promise-open = Still to do
promise-done = Done
promise-not-now = Not now
promise-no-longer = No longer needed
mark-no-longer = No longer needed
still-to-do = Still to do after all
promise-marked = Marked.
nothing-promised = Nothing promised yet.
earlier-promises = Done and put aside
iwill-do = + Something I will do
promise-what = What will be done?
save-promise = Save the promise
promise-saved-changes = Saved.
next-visit = Next visit
no-next-visit = No visit planned yet.
when-icall = when I call
icall = I'll call when I want a visit
not-then-another-day = Not then: another day
moved-at-my-wish = moved at my wish
next-visit-saved = Next visit saved.
wait-seconds = { $n ->
    [one] { $n } second
   *[other] { $n } seconds
    }
wait-minutes = { $n ->
    [one] { $n } minute
   *[other] { $n } minutes
    }
my-page-named = My page: { $name }
# Why a call failed, for what the app itself says (a refusal's own words come from the device core).
error-wiped = This phone was removed from the team, and everything about residents was deleted from it.
error-not-enrolled = This phone is not part of a team yet. Ask your coordinator for an invite, then add it in Settings.
error-unreachable = No connection to the team right now.
error-wait = The team's server asked this phone to wait a little; nothing was lost.
error-unavailable = The app's store stopped answering. Close the app and open it again; nothing was lost.
error-locked = The app is locked. Unlock it to go on; nothing was lost.
error-erased = Too many wrong PINs: this phone erased its records, as your team chose. What reached the team is safe with them: set the phone up again and join the team to get it back.
app-name = Connect Companion
wrong-pins-so-far = { $n ->
    [one] { $n } wrong PIN
   *[other] { $n } wrong PINs in a row
    }
forgot-pin = Forgot your PIN?
forgot-pin-explain = Your PIN cannot be recovered, and nobody can open this phone's records without it. You can erase this phone and set it up again: what has reached the team is safe with the team and comes back when you join again.
forgot-pin-loss = Changes that have not reached the team will be lost.
erase-this-phone = Erase this phone and start again
use-letters = Type letters
use-number-pad = Use the number pad
try-again-in = Too many wrong PINs. You can try again in { $wait }.
wait-counts-here = The wait counts down while this screen is open.
unlock-fingerprint = Unlock with fingerprint or face
locked-heading-no-pin = Unlock this phone
fingerprint-then-pin = After the PIN, this phone asks for the fingerprint or face as well.
their-pin = { $name }'s PIN
erase-after-warning = After { $n } wrong PINs in a row this phone erases itself, as your team chose.
unsent-some = { $n ->
    [one] { $n } change on this phone has not reached the team yet: erasing loses it.
   *[other] { $n } changes on this phone have not reached the team yet: erasing loses them.
    }
unsent-none = Every change on this phone has reached the team.
type-erase = To confirm, type ERASE
erase-word = ERASE
demo-banner = Demo caseload: everyone here is fictional.
mark-met = Mark met
circle-map-label = Circle of care map: rings from closest (centre) to possible (outside)
no-ties = Nobody in the circle yet.
declined = They said no
no-notes = No notes yet.
pin-again = The same PIN again
everything-about-me = Everything on this phone about me
own-page-on-its-way = Your page comes from the team the next time this phone has signal. Tap “Send now” when you have signal.
storage-title = Space on this phone
storage-used = { $used } used by the app · { $left } left for it
storage-may-be-cleared = This browser may clear its records when space runs low: send to the team often.
storage-kept = This browser keeps the app's records even when space runs low.
pins-differ = The two PINs are different. Type them again.
this-phone = This phone
lock-heading = Lock the phone
own-lock-hint = Nobody can read your page on this phone until your PIN is typed again.
own-copy-heading = Everything this phone holds about you
own-copy-hint = Your page, your circle, your check-ins, your story and the journal shared with you, in one page you can read here, save or print. Notes the team keeps for itself never come to this phone.
read-copy = Show it here
read-copy-title = Everything this phone holds about you, to read
prepare-copy = Prepare a copy
preparing = Preparing…
save-readable = Save the readable copy
save-data = Save the data (JSON)
stop-counting = Stop counting this in team figures
let-it-count = Let this count in team figures
change-pin = Change the PIN
current-pin = Current PIN
new-pin = New PIN (at least 6 characters)
pin-changed = The PIN is changed. Use the new one from now on.
store-encrypted = Everything on this device is encrypted and opens only with the PIN.
question-of = Question { $n } / { $total }
past-checkins = Check-ins so far
counts-in-figures = counts in team figures
kept-private = kept out of team figures
pin-rule = At least 6 digits, or a passphrase with letters. Easy PINs like 123456, 111111 or 121212 are refused.
promise-when = When?
when-day = On a day
when-this-week = This week
when-no-rush = No rush
when-not-said = Not said
promise-day = The day
visit-day = Day of the visit
save-day = Save the day
checkin-asked-in-english = These questions are asked in English, in the words they were tested in, so that answers can be compared. Your supporter can help with any word.

# Voice notes and photos.
add-voice-or-photo = Add a voice note or photo
voice-notes-and-photos = Voice notes and photos
record-voice = Record a voice note
record-my-voice = Record my voice
take-photo = Take a photo
choose-photo = Choose a photo
starting-microphone = Starting the microphone…
recording-time = Recording: { $time } of { $most }
stop-recording = Stop recording
take-the-photo = Take the photo
dont-keep = Don't keep it
keep-it = Keep it
new-photo = The new photo
new-voice-note = The new voice note
photo-caption = What the photo shows
voice-caption = What the voice note is about
transcript-label = What it says, typed (if you like)
file-too-large = That file is too large for a photo (64 MB at most).
file-unreadable = That file could not be read. Try another.
media-kept = Kept on this phone. It goes to the team at the next send.
voice-note = Voice note
voice-note-length = Voice note, { $time }
photo = Photo
fetch-media = Get it from the team ({ $size })
try-again = Try again
show-larger = Show the photo larger
show-smaller = Show the photo smaller
play = Play
pause = Pause
what-it-says = What it says
remove = Remove
remove-it = Yes, remove it
remove-voice-everywhere = Remove this voice note from every phone and from the team?
remove-photo-everywhere = Remove this photo from every phone and from the team?
media-removed = Removed. It goes from the other phones at their next send.
media-only-here = Only on this phone
media-sending = Sending: { $percent }% with the team
media-safe = Safe with the team
media-with-team = With the team, not on this phone
media-stuck = Not sent: { $why }
voice-notes-only-here = { $n ->
    [one] { $n } voice note only on this phone
   *[other] { $n } voice notes only on this phone
    }
photos-only-here = { $n ->
    [one] { $n } photo only on this phone
   *[other] { $n } photos only on this phone
    }

## The team's screens

auto-sync = Send to the team by itself while the app is open
auto-sync-hint = It also sends when the app opens, a little after each change, when the signal comes back, and when you leave the app.
auto-sync-off = Only after changes
auto-sync-every = { $n ->
    [one] Every minute
   *[other] Every { $n } minutes
    }
caseload = Caseload
search-label = Search names, offers and asks
sort-by = Sort by
sort-name = Name
sort-last-visit = Last visit
add-resident = Add a resident
preferred-name = The name they like to be called
added-by-mistake = Added by mistake?
added-by-mistake-hint = Nothing about this resident has been sent to the team yet, so you can remove them from this phone.
remove-from-phone = Remove them from this phone
remove-them = Yes, remove them
keep-them = No, keep them
removed-mistake = { $name } was removed from this phone.
same-name-already = There is already a resident on this phone called { $name }.
open-them = Open { $name }
add-another-same-name = Add another person with this name
offers-count = { $n ->
    [one] { $n } offer
   *[other] { $n } offers
    }
asks-open-count = { $n ->
    [one] { $n } ask open
   *[other] { $n } asks open
    }
circle-count = { $n } in circle
last-visit = Last visit
no-residents = No residents on this phone yet. Add someone below, or join your team in Settings with the invite your coordinator gives you: the residents you support then come to this phone.
nothing-found = Nobody matches that search.
back = Back
hand-to-resident = Hand to resident
add-tie = Add someone to the circle
tie-name = Their name
relationship = How they know each other
is-place = This is a place or group
move-to = Move to
add-note = Add a note
note-text = What happened
team-only = Team only: not shown to the resident
who-sees-note = Who can see this note?
they-said-this = They said this: in their words
note-for-team = Only the team
choose-who-sees = Choose who can see it first.
not-today-why = Why was there no visit?
note-removed = Note removed. It stays in their record's history.
remove-note = Remove
save-note = Save the note
team-notes = Team-only notes
mood-label = How they seemed
mood-none = Not noted
mood-good = Good
mood-okay = Okay
mood-low = Low
device-name = This device's name
device-id = This phone's number (your coordinator may ask for it)
relay-address = Your team's address
invite-code = Invite code
scan-invite = Scan the invite's QR code
stop-scanning = Stop the camera
camera-picture = What the camera sees
point-at-invite = Point the camera at the QR code on your coordinator's screen.
not-an-invite = That QR code is not a Connect Companion invite. Scan the one your coordinator shows, or type the code.
invite-read = Invite read. Check the team's address, then join.
connect = Join your team
connected = This phone is part of the team at
create-invite = Invite someone
invite-role = Who is it for
role-supporter = A supporter
role-coordinator = A coordinator
role-resident = A resident (their own phone)
invite-ready = Scan this code or type it on the new device. It works once.
expires = Works until
try-again-after = Too many wrong PINs. You can try again after
app-intro = For Connect supporters and the residents they visit: what each resident can offer, what they would like help with, their circle of care and notes from visits. It all stays on this phone, locked, and reaches your team when there is a signal.
set-up-heading = Set up this phone
set-up-hint = Your PIN keeps the residents' information on this phone private. Choose one you will remember: it cannot be recovered. At least 6 characters.
your-name = Your name
choose-pin = Choose a PIN
set-up = Set up
demo-offer = Start with the fictional demo caseload: 36 made-up residents, for trying the app. Nobody in it is real.
wiped-heading = This phone was removed from the team
wiped-explain = Your coordinator revoked this device, so everything about residents has been deleted from it, with its key.
wiped-next = If this was a mistake, ask your coordinator for a new invite and set the phone up again.
set-up-again = Set up this phone again
copy-heading = A copy of everything held
copy-hint = A resident may ask for everything held about them. This makes a page they can read and print (hidden items and team-only notes included), and the same as data.
history-heading = Who changed what, and when
show-history = Show the history
history-only-here = Only on this device: not yet with the team
history-reached = Reached the team
history-unknown = Someone on another device
history-relay-problem = Could not ask the team, so only this phone's own changes are named:
erase-heading = Erase this resident
erase-explain = Erasing deletes everything about this resident from the team and from this phone now, and from every other phone the next time it reaches the team. It cannot be undone. Export a copy first if the resident wants one.
erase-confirm-label = To confirm, type their name
erase-button = Erase everywhere
erased = { $name } was erased from the team and this phone. Other phones delete them the next time they reach the team.
circle-at = The circle on { $when }
circle-at-each-visit = The circle at each visit
no-visits-yet = No visits recorded yet: the circle's story starts with the first visit note.
circle-trend-label = Ties in the circle and ties that go both ways, at each visit
measure-lonely = How often they feel lonely
measure-ucla = Loneliness score (3 to 9, lower is less lonely)
measure-satisfied = How satisfied they are with life
measure-worthwhile = How worthwhile things feel
measure-happy = How happy they felt
measure-anxious = How anxious they felt
change-better = That is better.
change-worse = That is worse: worth a word together.
change-same = No change.
change-for-team = { $what }: { $first } { $since }, { $latest } at the latest. { $direction }
concern-unsafe = { $name } said they are not feeling safe right now.
concern-anxious = { $name } said they felt very anxious yesterday ({ $score } of 10).
concern-heading = Before you go: worth a word together
concern-seen = We have talked about it
answered = answered
ucla-chart-label = Loneliness score at each check-in, 3 to 9, lower is less lonely
life-chart-label = Life satisfaction at each check-in, 0 to 10
story-hint-team = Write down their story in their words. Only they choose who can read it: ask them, and tap what they say.
team = Team
tab-matches = Matches
tab-places = Places
tab-insights = Insights
tab-stories = Stories we may share
matches-hint = Offers that might meet someone's ask, with why each was suggested. Both residents are asked first; nothing happens unless both say yes.
no-matches = No new suggestions.
more-offers = More offers for this ask
suggest-intro = Suggest an introduction
intro-suggested = Suggested to both. Each will be asked on their page.
intros-so-far = Introductions suggested
state-waiting = Waiting for an answer
state-agreed = Both said yes
state-declined = Declined: a choice
asks-word = asks
offers-word = offers
places-hint = Places that welcome people and small practical helpers, for the whole team.
search-places = Search places and helpers
no-places = Nothing in the directory matches.
no-directory = The team's places and helpers come from the team: join your team in Settings to see and add them.
add-place = Add a place or helper
place-name = Name
place-is-helper = A practical helper (rather than a place)
place-description = What it offers
place-contact = How to reach it
place-tags = Words that help find it
link-place = Find a place or helper
linked-places = Could help:
unlink = Remove
link = Link
insights-hint = Figures with no names. Any figure drawn from fewer than 5 residents is not shown, nor any that would reveal fewer than 5 when taken from another, so no one can be identified. Check-in figures count only residents who agreed.
residents-supported = Residents supported
residents-visited = Residents visited
circle-growth = Circles of care: how many people, in the middle of the range, at the first visit and the latest
first-visit = First visit
latest-visit = Latest visit
asks-raised = Asks raised
asks-met = Asks met
offers-listed = Offers listed
offers-made = Offers made to other residents
intros-declined = Introductions declined
checkin-change = Check-ins (residents who agreed)
ucla-first-latest = Loneliness score in the middle of the range (3 to 9, lower is less lonely), first and latest
life-first-latest = Life satisfaction in the middle of the range (0 to 10), first and latest
improved = Residents feeling less lonely
fewer-than-five = fewer than 5
no-answers-yet = no answers yet
withheld = not shown (with the figures beside it, it would reveal fewer than 5)
save-figures-csv = Save the figures (CSV)
save-per-resident-csv = Save one row per resident, pseudonymous (CSV)
stories-hint = Only stories whose owner agreed to share them, exactly as they agreed: no name where they chose not to be named. A story disappears from here as soon as consent is withdrawn.
no-stories = No stories may be shared yet.
anonymous = Shared without a name
tab-people = People
invites-moved = To invite someone to the team, go to Team, then People.
invite-name = Their name, as the team will know them
invite-needs-name = Write their name first: the team's records show the name you give here, whatever their phone calls itself.
which-resident = Which resident
choose-one = Choose…
choose-the-resident = Choose the resident first.
invite-for = An invite for { $name }
invite-made = An invite
invite-qr = The invite as a QR code
stops-working = It stops working { $when }
invites-waiting = Invites not used yet
no-invites-waiting = No invites are waiting to be used.
earlier-invites = Earlier invites
invite-used = Used
invite-expired = Stopped working unused
invite-cancelled = Cancelled
made = made { $day }
cancel-invite = Cancel
invite-cancelled-for = Invite cancelled: { $name }
people-on-team = People on the team
their-phones = Their phones
off-the-team = Taken off the team.
phone-removed-state = removed
remove-this-phone = Remove this phone
remove-phone-warning = Remove this phone from the team? Everything about residents is deleted from it the next time it connects.
phone-removed = Phone removed. It is wiped the next time it connects.
aresident = A resident
assign-to = Assign to { $name }
end-assignment = End this assignment
assigned = Assigned. Their phones receive the resident the next time they send.
assignment-ended = Assignment ended. Their phones no longer receive the resident.
take-off-team = Take { $name } off the team
take-off-team-ask = Take { $name } off the team?
take-off-team-warning = Every phone of theirs is removed and wiped the next time it connects, and the invites they made stop working.
taken-off-team = { $name } was taken off the team.
resident-records = Residents' records
resident-records-hint = Who changed what, a copy of everything held, and erasing a resident everywhere.
short-checkin-heading = The short check-in
short-checkin-hint = The questions a check-in asks unless the person chooses all of them. Feeling safe and anxiety raise a worry to the supporter: leave them in.
questions-picked = questions chosen (1 to 6).
short-checkin-saved = The short check-in is saved. Phones use it from their next send.
role-noun-supporter = supporter
role-noun-coordinator = coordinator
role-noun-resident = resident, their own phone
erased-heading = This phone erased its records
erased-explain = Too many wrong PINs were typed in a row, so this phone erased everything on it, with its key, as your team chose.
erased-next = What reached the team is safe with them. Set the phone up again and join the team to get it back.
fingerprint-offer = Also unlock with this phone's fingerprint or face (recommended). Then a copy of the phone's files opens nothing, even with the PIN.
fingerprint-not-here = Your PIN alone will protect this phone's records: { $why }
protection-heading = How this phone's records are protected
protected-by-both = By this phone's fingerprint or face unlock and your PIN together: a copy of the phone's files opens nothing, even with the PIN.
protected-by-pin = By your PIN alone. Someone who copied this phone's files could try one PIN after another on a computer: a long PIN or a passphrase makes that much slower.
fingerprint-can-help = This phone has a fingerprint or face unlock: with it, a copy of the phone's files opens nothing.
turn-on-fingerprint = Use the fingerprint or face unlock too
turn-off-fingerprint = Stop using the fingerprint or face unlock
ask-pin-too = Ask for the PIN as well as the fingerprint
fingerprint-alone = Let the fingerprint alone unlock
pin-too-on = The PIN is asked as well as the fingerprint.
pin-too-off = The fingerprint or face alone unlocks; the PIN is needed to change these settings.
team-decides = Your team decides this: ask your coordinator.
pin-to-confirm = Your PIN, to confirm
fingerprint-on = The fingerprint or face unlock is on.
fingerprint-off = The fingerprint or face unlock is off: the PIN alone opens this phone.
erase-after-heading = Erase this phone after 10 wrong PINs
erase-after-hint = Your team decides whether its phones do this, and it is off unless they ask. It stops anyone guessing PINs for ever, but whatever has not reached the team is lost with it.
erase-after-is-on = On: 10 wrong PINs in a row erase this phone.
erase-after-is-off = Off: wrong PINs only make the next try wait.
turn-it-on = Turn it on
turn-it-off = Turn it off
new-promise = + Something we said we'd do
promise-what-hint = For example: ask the council about the ramp
promise-who = Who will do it?
who-supporter = Me, the supporter
who-resident = They will
who-circle = Someone in their circle
who-team = The Connect team
circle-person-name = Their name
promise-for-ask = For one of their asks
no-ask = None of them
promise-team-only = Only the team may see it
edit-promise = Put this promise right
promise-saved = Saved. It shows on Today when it is due.
when-they-call = when they call
plan-next-visit = Plan the next visit
change-next-visit = Change it
they-will-call = They'll call when they want a visit
moved-at-their-wish = moved at their wish
today-title = Today
show-all = Show all
visits-today = Visits today
visits-this-week = Visits this week
promises-due = Promises due
promises-this-week = Promises this week
not-seen-for-awhile = Not seen for a while
nothing-today = Nothing planned or due, and everyone has been seen lately.
today-hint = Nothing here is locked or late for ever: do it when you can.
planned-for = planned for { $day }
last-seen = last seen { $n ->
    [one] { $n } day ago
   *[other] { $n } days ago
    }
not-seen-since-joining = not seen since joining
not-seen-heading = Not seen for a while
not-seen-hint = Today lists residents with no visit or contact for this many days, unless a visit is planned or they said they would call. Three weeks unless the team changes it.
not-seen-days = Days
not-seen-saved = Saved for the whole team.
promise-figures = What we said we'd do
promises-made-kept = Promises made → kept
by-supporters = by supporters
by-residents = by residents
by-circles = by people in their circles
by-team = by the team
days-to-keep = Median days to keep a promise
asks-met-after-promise = Asks met after a promise
main-nav = Main
checkins-asked-in = Check-ins agreed to count, asked in { $language }
# One check-in in the supporter's list, asked while the screens spoke another language.
checkin-asked-with-screens-in = Asked with the screens in { $language }
# Settings' voice notes and photos.
media-budget = Keep the team's voice notes and photos for visits without signal, up to
media-space-used = Kept from the team: { $fetched }. Made on this phone: { $here } (kept until the team has them, whatever the limit).
