# Connect Companion in Bengali (বাংলা).
# Awaits review by a native speaker from the community.
# Connect Companion বাংলায়।
# কমিউনিটির একজন বাংলাভাষী মানুষের দেখে দেওয়ার অপেক্ষায়।

## Resident-facing: every language shipped covers all of these

day-at-time = { $day }, { $time }-এ
promise-sentence = { $who ->
    [your-supporter] আপনার সাহায্যকারী যা করবেন: { $what }
    [you] আপনি যা করবেন: { $what }
    [supporter] সাহায্যকারী যা করবেন: { $what }
    [team] Connect টিম যা করবে: { $what }
   *[named] { $name } যা করবেন: { $what }
    }
weekday = { $day ->
    [1] সোমবার
    [2] মঙ্গলবার
    [3] বুধবার
    [4] বৃহস্পতিবার
    [5] শুক্রবার
    [6] শনিবার
   *[7] রবিবার
    }
date-day-month = { $day } { $month ->
    [1] জানুয়ারি
    [2] ফেব্রুয়ারি
    [3] মার্চ
    [4] এপ্রিল
    [5] মে
    [6] জুন
    [7] জুলাই
    [8] আগস্ট
    [9] সেপ্টেম্বর
    [10] অক্টোবর
    [11] নভেম্বর
   *[12] ডিসেম্বর
    }
date-day-month-year = { date-day-month } { $year }
date-short = { $day } { $month ->
    [1] জানু
    [2] ফেব
    [3] মার্চ
    [4] এপ্রি
    [5] মে
    [6] জুন
    [7] জুলাই
    [8] আগ
    [9] সেপ্টে
    [10] অক্টো
    [11] নভে
   *[12] ডিসে
    }
in-month = { $month ->
    [1] জানুয়ারি মাসে
    [2] ফেব্রুয়ারি মাসে
    [3] মার্চ মাসে
    [4] এপ্রিল মাসে
    [5] মে মাসে
    [6] জুন মাসে
    [7] জুলাই মাসে
    [8] আগস্ট মাসে
    [9] সেপ্টেম্বর মাসে
    [10] অক্টোবর মাসে
    [11] নভেম্বর মাসে
   *[12] ডিসেম্বর মাসে
    }

skip-to-content = মূল অংশে চলে যান
saved-here = এই ফোনে সেভ করা আছে
not-sent-yet = এই ফোনে সেভ করা আছে, এখনও পাঠানো হয়নি
sent-to-team = টিমের কাছে পাঠানো হয়েছে
last-sent = শেষবার পাঠানো হয়েছে { $when }
never-sent = এখনও কিছু পাঠানো হয়নি
send-now = এখনই পাঠান
send-status = টিমের কাছে কী কী পৌঁছেছে
today = আজ
yesterday = গতকাল
tomorrow = আগামীকাল
on-day = { $day }
in-days = { $n ->
    [one] { $n } দিন পরে
   *[other] { $n } দিন পরে
    }
sending = পাঠানো হচ্ছে…
send-failed = টিমের কাছে পৌঁছানো গেল না। কিছুই হারিয়ে যায়নি:
send-done = পাঠানো হয়েছে।
next-send = পরের বার পাঠানো হবে { $time }-এ
next-try = আবার চেষ্টা করা হবে { $time }-এ
offline-waits = সিগন্যাল নেই: সিগন্যাল ফিরে এলে নিজে থেকেই পাঠানো হবে
send-will-retry = এই মুহূর্তে টিমের কাছে পৌঁছানো গেল না; নিজে থেকেই আবার চেষ্টা করা হবে। কিছুই হারিয়ে যায়নি:
sent-once-joined = এই ফোনটা আপনার টিমে যুক্ত হলেই এটা পাঠানো হবে।
join-team-to-send = এটা পাঠাতে হলে সেটিংসে গিয়ে আপনার টিমে যুক্ত হন।
add = যোগ করুন
never = কখনও না
only-here = শুধু এই ফোনে
waiting = এখনও পাঠানো হয়নি
on-relay = টিমের কাছে পাঠানো হয়েছে
tab-page = আমি যা দিতে পারি
tab-circle = যত্নের বৃত্ত
tab-journal = ডায়েরি
about-me = আমার সম্পর্কে
offers = আমি যা দিতে পারি
asks = আপনি কি আমাকে একটু সাহায্য করতে পারবেন…?
goals = লক্ষ্য, আর কী কী সম্ভব হতে পারে
in-their-words = ওঁর নিজের ভাষায়
in-my-words = আমার নিজের ভাষায়
written-down-by-supporter = ওঁর সাহায্যকারী লিখে রেখেছেন
written-down-by-team = টিম লিখে রেখেছে
added-by = { $name } যোগ করেছেন
new-offer = দিতে পারি এমন নতুন কিছু
new-ask = সাহায্য চাই এমন নতুন কিছু
new-goal = নতুন একটা লক্ষ্য
category = কী ধরনের সাহায্য
save = সেভ করুন
cancel = বাতিল
edit-item = বদলান
hide = লুকিয়ে রাখুন
undo = আগের মতো করুন
hidden-notice = লুকিয়ে রাখা হয়েছে। এটা রেখে দেওয়া আছে, আবার ফিরিয়ে আনা যাবে।
status = অবস্থা
status-open = চালু আছে
status-in-progress = কেউ সাহায্য করছেন
status-met = হয়ে গেছে
status-not-now = এখন নয়
cat-practical = দৈনন্দিন কাজ
cat-caring = যত্ন
cat-company = সঙ্গ দেওয়া
cat-creative = সৃজনশীল কাজ
cat-knowledge = জ্ঞান ও অভিজ্ঞতা
cat-other = অন্যান্য
ring-intimacy = সবচেয়ে কাছের
ring-friendship = বন্ধুবান্ধব
ring-participation = দল ও নানা কাজকর্ম
ring-exchange = যাঁরা সাহায্য করেন (টাকার বিনিময়ে বা কিছুর বদলে)
ring-possibility = হয়তো সম্ভব
circle-list-heading = বৃত্তের সবাই
ring = বৃত্ত
two-way = সাহায্য দু'দিক থেকেই হয়
both = দু'দিক থেকেই
not-today = আজ নয়
note-for-resident = উনি ও টিম
not-today-did-not-want = উনি আজ দেখা করতে চাননি
not-today-could-not-go = আমি যেতে পারিনি
not-today-were-out = উনি বাড়িতে ছিলেন না
no-visit-saved = লিখে রাখা হলো: আজ দেখা হয়নি।
notes-from-visits = দেখা করার সময়ের নোট
shared = ওঁর সঙ্গে শেয়ার করা
my-page = আমার পাতা
more-about-this-phone = আরও
ioffer = আমি দিতে পারি এমন কিছু
iask = আমি সাহায্য চাই এমন কিছু
hide-this = এটা লুকিয়ে রাখুন
not-now = এখন নয়
give-back = ফোনটা ফেরত দিন
resident-mode-hint = এটা আপনার পাতা। আপনি যা দিতে পারেন, আর যে কাজে সাহায্য চান, নিজের ভাষায় লিখে যোগ করুন।
settings = সেটিংস
language = ভাষা
done = ঠিক আছে
error-prefix = এটা কাজ করেনি: { $why }
lock = লক করুন
locked-heading = আপনার পিন দিন
locked-hint = এই ফোনে বাসিন্দাদের তথ্য লক করা আছে।
pin = পিন
unlock = খুলুন
unlocking = মিলিয়ে দেখা হচ্ছে…
loading = খোলা হচ্ছে…
tab-record = ওঁর তথ্য
tab-checkins = খোঁজখবর
tab-story = গল্প
circle-changed = বৃত্তটা কীভাবে বদলেছে
or-pick-adate = অথবা যেকোনো একটা তারিখ বেছে নিন
now = এখন
visit-on = দেখা: { $day }
in-circle = বৃত্তে আছেন
two-way-ties = দু'দিক থেকেই
new-since-visit = আগের বার দেখা হওয়ার পর থেকে নতুন:
nothing-new = আগের বার দেখা হওয়ার পর থেকে নতুন কেউ নেই।
start-checkin = খোঁজখবর শুরু করুন
start-short-checkin = শুরু করুন
all-questions = সব প্রশ্ন
change-last-answer = আমার আগের উত্তরটা বদলাতে চাই
life-map-question = { $area } নিয়ে সব কেমন চলছে?
rag-hard = এখন কঠিন যাচ্ছে
rag-worries = কিছু চিন্তা আছে
rag-well = ভালো চলছে
you-lonely = একা লাগা
you-satisfied = জীবন নিয়ে আপনি কতটা সন্তুষ্ট
you-worthwhile = আপনার কাজগুলো কতটা মূল্যবান মনে হয়
you-happy = আপনি কতটা খুশি ছিলেন
you-anxious = আপনার কতটা দুশ্চিন্তা হয়েছে
kind-better = { $what }: { $since } যেমন ছিল, তার চেয়ে ভালো।
kind-same = { $what }: { $since } যেমন ছিল, প্রায় তেমনই।
kind-worse = { $what }: আমাদের জানানোর জন্য ধন্যবাদ। আপনার সাহায্যকারী আছেন, এ নিয়ে আপনার সঙ্গে কথা বলবেন।
no-checkins-yet = এখনও কোনো খোঁজখবর নেওয়া হয়নি।
only-one-checkin = এ পর্যন্ত একবার খোঁজখবর নেওয়া হয়েছে: পরের বার দেখতে পাবেন সবকিছু কীভাবে বদলাচ্ছে।
nothing-to-compare = প্রতিবার আলাদা প্রশ্ন ছিল, তাই এখনও তুলনা করার মতো কিছু নেই।
how-have-things-changed = আমার ক্ষেত্রে সবকিছু কীভাবে বদলেছে?
thank-you = ধন্যবাদ।
checkin-intro-count = সবকিছু কেমন চলছে, তা নিয়ে { $n ->
    [one] একটা ছোট প্রশ্ন
   *[other] { $n }টা ছোট প্রশ্ন
    }। যেটা ইচ্ছা বাদ দিতে পারেন, বা যেকোনো সময় থামতে পারেন।
checkin-intro = সবকিছু কেমন চলছে, তা নিয়ে কয়েকটা ছোট প্রশ্ন। যেটা ইচ্ছা বাদ দিতে পারেন, বা যেকোনো সময় থামতে পারেন।
skip = এটা বাদ দিন
not-today-thanks = আজ নয়, ধন্যবাদ
stop-here = এখানেই থামুন
consent-question = আপনার নাম ছাড়া, এই উত্তরগুলো কি টিমের হিসাবে ধরা যাবে?
yes-count = হ্যাঁ, ধরা যাবে
no-count = না, এগুলো শুধু আমার কাছেই থাকুক
checkin-saved = ধন্যবাদ। আপনার উত্তরগুলো সেভ করা হয়েছে।
not-today-saved = কোনো অসুবিধা নেই। শুধু “আজ নয়” লিখে রাখা হয়েছে, আর কিছু না।
my-trend = সবকিছু কীভাবে বদলেছে
story-heading = আমার গল্প, আমার নিজের ভাষায়
story-hint = গল্পটা আপনার। কে এটা পড়তে পারবেন, তা আপনিই ঠিক করবেন, আর যেকোনো সময় সেটা বদলাতে পারবেন।
consent-heading = আমার গল্প কে পড়তে পারবেন?
consent-now = এখন:
consent-confirm-anonymous = Connect টিমের বাইরের মানুষও আপনার গল্প পড়তে পারবেন। আপনার নাম আর আপনার চেনা মানুষদের নাম বাদ দেওয়া হবে। আপনি কি এটাই চান?
consent-confirm-named = Connect টিমের বাইরের মানুষও আপনার নামসহ আপনার গল্প পড়তে পারবেন। আপনি কি এটাই চান?
consent-confirm-team = Connect টিমের সবাই আপনার গল্প পড়তে পারবেন। আপনি কি এটাই চান?
consent-yes = হ্যাঁ, আমি এটাই চাই
consent-no = না, যেমন আছে তেমনই থাকুক
consent-private = শুধু আমি আর আমার সাহায্যকারী
consent-team = Connect টিম
consent-anonymous = টিমের বাইরেও শেয়ার করা, আমার নাম ছাড়া
consent-named = টিমের বাইরেও শেয়ার করা, আমার নামসহ
consent-history = অনুমতিতে যা যা বদলেছে
save-story = গল্পটা সেভ করুন
changed-by = যিনি বদলেছেন: { $name }
introductions = পরিচয় করিয়ে দেওয়া
intro-ask = এমন কেউ, যিনি এ কাজে সাহায্য করতে পারেন:
intro-offer = এমন কেউ, আপনি যা দিতে পারেন তা যাঁর ভালো লাগতে পারে:
intro-why = কেন
intro-yes = হ্যাঁ, পরিচয় করিয়ে দিন
intro-no = না, ধন্যবাদ
intro-said-yes = আপনি হ্যাঁ বলেছেন
intro-said-no = আপনি “না, ধন্যবাদ” বলেছেন
give-back-to = দয়া করে ফোনটা { $name }-কে ফেরত দিন
only-they-unlock = শুধু { $name } এটা খুলতে পারবেন। ধন্যবাদ!
what-we-said = আমরা যা করব বলেছিলাম
when-due = { $day } পর্যন্ত সময় আছে
was-due = { $day } হওয়ার কথা ছিল
no-rush = কোনো তাড়া নেই
promise-open = এখনও বাকি
promise-done = হয়ে গেছে
promise-not-now = এখন নয়
promise-no-longer = আর দরকার নেই
mark-no-longer = আর দরকার নেই
still-to-do = আসলে এখনও করা বাকি
promise-marked = লিখে রাখা হলো।
nothing-promised = এখনও কোনো কথা দেওয়া হয়নি।
earlier-promises = হয়ে গেছে বা সরিয়ে রাখা হয়েছে
iwill-do = + আমি করব এমন কিছু
promise-what = কী করা হবে?
save-promise = সেভ করুন
promise-saved-changes = সেভ করা হয়েছে।
next-visit = পরের বার দেখা
no-next-visit = পরের বার দেখা করার দিন এখনও ঠিক হয়নি।
when-icall = আমি ফোন করলে
icall = দেখা করতে চাইলে আমি ফোন করব
not-then-another-day = তখন নয়: অন্য কোনো দিন
moved-at-my-wish = আমার ইচ্ছায় দিন বদলানো হয়েছে
next-visit-saved = পরের বার দেখা করার দিন সেভ করা হয়েছে।
wait-seconds = { $n ->
    [one] { $n } সেকেন্ড
   *[other] { $n } সেকেন্ড
    }
wait-minutes = { $n ->
    [one] { $n } মিনিট
   *[other] { $n } মিনিট
    }
my-page-named = আমার পাতা: { $name }
error-wiped = এই ফোনটি দল থেকে সরিয়ে দেওয়া হয়েছে, আর বাসিন্দাদের সব তথ্য এখান থেকে মুছে ফেলা হয়েছে।
error-not-enrolled = এই ফোনটি এখনও কোনো দলের অংশ নয়। আপনার সমন্বয়কারীর কাছে একটি আমন্ত্রণ চেয়ে নিন, তারপর সেটিংসে যোগ করুন।
error-unreachable = এখন দলের সঙ্গে কোনো সংযোগ নেই।
error-wait = দলের সার্ভার এই ফোনকে একটু অপেক্ষা করতে বলেছে; কিছুই হারায়নি।
error-unavailable = অ্যাপটি সাড়া দিচ্ছে না। অ্যাপটি বন্ধ করে আবার খুলুন; কিছুই হারায়নি।
error-locked = অ্যাপটি লক করা আছে। চালিয়ে যেতে আনলক করুন; কিছুই হারায়নি।
error-erased = অনেকবার ভুল পিন: আপনার দলের সিদ্ধান্ত অনুযায়ী এই ফোন তার তথ্য মুছে ফেলেছে। যা দলের কাছে পৌঁছেছে তা নিরাপদ আছে: ফোনটি আবার সেট আপ করে দলে যোগ দিন।
app-name = Connect Companion
wrong-pins-so-far = { $n ->
    [one] { $n }বার ভুল পিন দেওয়া হয়েছে
   *[other] পরপর { $n }বার ভুল পিন দেওয়া হয়েছে
    }
forgot-pin = পিন ভুলে গেছেন?
forgot-pin-explain = আপনার পিন আর ফিরে পাওয়া যায় না, আর পিন ছাড়া কেউই এই ফোনের তথ্য খুলতে পারবেন না। আপনি এই ফোনের সবকিছু মুছে দিয়ে আবার নতুন করে শুরু করতে পারেন: যা টিমের কাছে পৌঁছে গেছে, তা টিমের কাছে নিরাপদে আছে, আর আপনি আবার টিমে যুক্ত হলে সেগুলো ফিরে আসবে।
forgot-pin-loss = যেসব পরিবর্তন টিমের কাছে পৌঁছায়নি, সেগুলো হারিয়ে যাবে।
erase-this-phone = এই ফোনের সবকিছু মুছে নতুন করে শুরু করুন
use-letters = অক্ষর লিখুন
use-number-pad = নম্বর প্যাড ব্যবহার করুন
try-again-in = অনেকবার ভুল পিন দেওয়া হয়েছে। { $wait } পরে আবার চেষ্টা করতে পারবেন।
wait-counts-here = এই স্ক্রিনটা খোলা থাকলে অপেক্ষার সময় কমতে থাকে।
unlock-fingerprint = আঙুলের ছাপ বা মুখ দিয়ে খুলুন
locked-heading-no-pin = এই ফোনটা খুলুন
fingerprint-then-pin = পিন দেওয়ার পর এই ফোন আঙুলের ছাপ বা মুখও দেখতে চাইবে।
their-pin = { $name }-এর পিন
erase-after-warning = পরপর { $n }বার ভুল পিন দিলে এই ফোনের সবকিছু নিজে থেকেই মুছে যায়, যেমনটা আপনার টিম ঠিক করেছে।
unsent-some = { $n ->
    [one] এই ফোনের { $n }টা পরিবর্তন এখনও টিমের কাছে পৌঁছায়নি: মুছে ফেললে সেটা হারিয়ে যাবে।
   *[other] এই ফোনের { $n }টা পরিবর্তন এখনও টিমের কাছে পৌঁছায়নি: মুছে ফেললে সেগুলো হারিয়ে যাবে।
    }
unsent-none = এই ফোনের সব পরিবর্তন টিমের কাছে পৌঁছে গেছে।
type-erase = নিশ্চিত করতে এই শব্দটা লিখুন: মুছুন
erase-word = মুছুন
demo-banner = ডেমো তালিকা: এখানকার সবাই কাল্পনিক মানুষ।
mark-met = হয়ে গেছে বলে চিহ্ন দিন
circle-map-label = যত্নের বৃত্তের ছবি: সবচেয়ে কাছের (মাঝখানে) থেকে হয়তো সম্ভব (বাইরের দিকে) পর্যন্ত বৃত্তগুলো
no-ties = বৃত্তে এখনও কেউ নেই।
declined = উনি না বলেছেন
no-notes = এখনও কোনো নোট নেই।
pin-again = একই পিন আবার দিন
everything-about-me = এই ফোনে আমার সম্পর্কে যা কিছু আছে
own-page-on-its-way = এই ফোন পরের বার সিগন্যাল পেলে টিমের কাছ থেকে আপনার পাতা চলে আসবে। সিগন্যাল পেলে “এখনই পাঠান” চাপুন।
storage-title = এই ফোনে জায়গা
storage-used = অ্যাপ ব্যবহার করছে { $used } · অ্যাপের জন্য বাকি আছে { $left }
storage-may-be-cleared = জায়গা কমে গেলে এই ব্রাউজার তার রাখা তথ্য মুছে দিতে পারে: তাই প্রায়ই টিমের কাছে পাঠান।
storage-kept = জায়গা কমে গেলেও এই ব্রাউজার অ্যাপের তথ্য রেখে দেয়।
pins-differ = দুটো পিন মেলেনি। আবার দুটোই লিখুন।
this-phone = এই ফোন
lock-heading = ফোনটা লক করুন
own-lock-hint = আবার আপনার পিন না দেওয়া পর্যন্ত এই ফোনে আপনার পাতা কেউ পড়তে পারবেন না।
own-copy-heading = এই ফোনে আপনার সম্পর্কে যা কিছু রাখা আছে
own-copy-hint = আপনার পাতা, আপনার বৃত্ত, আপনার খোঁজখবর, আপনার গল্প আর আপনার সঙ্গে শেয়ার করা ডায়েরি, সব একটা পাতায়: এখানে পড়তে পারেন, সেভ করতে পারেন বা প্রিন্ট করতে পারেন। টিম শুধু নিজেদের জন্য যে নোট রাখে, তা কখনও এই ফোনে আসে না।
read-copy = এখানে দেখান
read-copy-title = এই ফোনে আপনার সম্পর্কে যা কিছু রাখা আছে, পড়ার জন্য
prepare-copy = একটা কপি তৈরি করুন
preparing = তৈরি হচ্ছে…
save-readable = পড়ার মতো কপিটা সেভ করুন
save-data = তথ্য সেভ করুন (JSON)
stop-counting = এটা আর টিমের হিসাবে ধরবেন না
let-it-count = এটা টিমের হিসাবে ধরা হোক
change-pin = পিন বদলান
current-pin = এখনকার পিন
new-pin = নতুন পিন (অন্তত 6টা অক্ষর বা সংখ্যা)
pin-changed = পিন বদলানো হয়েছে। এখন থেকে নতুন পিনটা ব্যবহার করুন।
store-encrypted = এই ডিভাইসের সবকিছু এনক্রিপ্ট করে সুরক্ষিত রাখা আছে, আর শুধু পিন দিয়েই খোলা যায়।
question-of = প্রশ্ন { $n } / { $total }
past-checkins = এ পর্যন্ত নেওয়া খোঁজখবর
counts-in-figures = টিমের হিসাবে ধরা হয়
kept-private = টিমের হিসাবে ধরা হয় না
pin-rule = অন্তত 6টা সংখ্যা, অথবা অক্ষর দিয়ে লেখা একটা গোপন কথা। 123456, 111111 বা 121212-এর মতো সহজ পিন নেওয়া হয় না।
promise-when = কবে?
when-day = একটা নির্দিষ্ট দিনে
when-this-week = এই সপ্তাহে
when-no-rush = কোনো তাড়া নেই
when-not-said = বলা হয়নি
promise-day = দিন
visit-day = দেখা করার দিন
save-day = দিনটা সেভ করুন
checkin-asked-in-english = এই প্রশ্নগুলো ইংরেজিতে করা হয়, যে ভাষায় এগুলো পরীক্ষা করা হয়েছে, যাতে উত্তরগুলো মেলানো যায়। কোনো শব্দ বুঝতে অসুবিধা হলে আপনার সাহায্যকারী সাহায্য করবেন।
# Voice notes and photos.
add-voice-or-photo = ভয়েস নোট বা ছবি যোগ করুন
voice-notes-and-photos = ভয়েস নোট ও ছবি
record-voice = ভয়েস নোট রেকর্ড করুন
record-my-voice = আমার কথা রেকর্ড করুন
take-photo = ছবি তুলুন
choose-photo = একটা ছবি বেছে নিন
starting-microphone = মাইক্রোফোন চালু হচ্ছে…
recording-time = রেকর্ড হচ্ছে: { $time } (সর্বোচ্চ { $most })
stop-recording = রেকর্ড করা থামান
take-the-photo = ছবিটা তুলুন
dont-keep = রাখবেন না
keep-it = রেখে দিন
new-photo = নতুন ছবি
new-voice-note = নতুন ভয়েস নোট
photo-caption = ছবিতে কী আছে
voice-caption = ভয়েস নোটটা কী নিয়ে
transcript-label = এতে কী বলা হয়েছে, লিখে রাখুন (চাইলে)
file-too-large = ছবি হিসেবে এই ফাইলটা খুব বড় (সর্বোচ্চ 64 MB)।
file-unreadable = এই ফাইলটা পড়া গেল না। অন্য একটা দিয়ে চেষ্টা করুন।
media-kept = এই ফোনে রাখা হয়েছে। পরের বার পাঠানোর সময় টিমের কাছে চলে যাবে।
voice-note = ভয়েস নোট
voice-note-length = ভয়েস নোট, { $time }
photo = ছবি
fetch-media = টিমের কাছ থেকে নিয়ে আসুন ({ $size })
try-again = আবার চেষ্টা করুন
show-larger = ছবিটা বড় করে দেখান
show-smaller = ছবিটা ছোট করে দেখান
play = চালান
pause = থামিয়ে রাখুন
what-it-says = এতে কী বলা হয়েছে
remove = সরিয়ে দিন
remove-it = হ্যাঁ, সরিয়ে দিন
remove-voice-everywhere = এই ভয়েস নোটটা সব ফোন থেকে আর টিমের কাছ থেকে সরিয়ে দেবেন?
remove-photo-everywhere = এই ছবিটা সব ফোন থেকে আর টিমের কাছ থেকে সরিয়ে দেবেন?
media-removed = সরিয়ে দেওয়া হয়েছে। অন্য ফোনগুলো পরের বার পাঠানোর সময় সেখান থেকেও সরে যাবে।
media-only-here = শুধু এই ফোনে
media-sending = পাঠানো হচ্ছে: { $percent }% টিমের কাছে পৌঁছেছে
media-safe = টিমের কাছে নিরাপদে আছে
media-with-team = টিমের কাছে আছে, এই ফোনে নেই
media-stuck = পাঠানো হয়নি: { $why }
voice-notes-only-here = { $n ->
    [one] { $n }টা ভয়েস নোট শুধু এই ফোনে
   *[other] { $n }টা ভয়েস নোট শুধু এই ফোনে
    }
photos-only-here = { $n ->
    [one] { $n }টা ছবি শুধু এই ফোনে
   *[other] { $n }টা ছবি শুধু এই ফোনে
    }

## The team's screens
