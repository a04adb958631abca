# Connect Companion in Urdu (اردو).
# Awaits review by a native speaker from the community.

## Resident-facing: every language shipped covers all of these

day-at-time = { $day } { $time } بجے
promise-sentence = { $who ->
    [your-supporter] آپ کے مددگار کا وعدہ: { $what }
    [you] آپ کا وعدہ: { $what }
    [supporter] مددگار کا وعدہ: { $what }
    [team] Connect ٹیم کا وعدہ: { $what }
   *[named] { $name } کا وعدہ: { $what }
    }
weekday = { $day ->
    [1] پیر
    [2] منگل
    [3] بدھ
    [4] جمعرات
    [5] جمعہ
    [6] ہفتہ
   *[7] اتوار
    }
date-day-month = { $day } { $month ->
    [1] جنوری
    [2] فروری
    [3] مارچ
    [4] اپریل
    [5] مئی
    [6] جون
    [7] جولائی
    [8] اگست
    [9] ستمبر
    [10] اکتوبر
    [11] نومبر
   *[12] دسمبر
    }
date-day-month-year = { date-day-month } { $year }
date-short = { $day } { $month ->
    [1] جنوری
    [2] فروری
    [3] مارچ
    [4] اپریل
    [5] مئی
    [6] جون
    [7] جولائی
    [8] اگست
    [9] ستمبر
    [10] اکتوبر
    [11] نومبر
   *[12] دسمبر
    }
in-month = { $month ->
    [1] جنوری میں
    [2] فروری میں
    [3] مارچ میں
    [4] اپریل میں
    [5] مئی میں
    [6] جون میں
    [7] جولائی میں
    [8] اگست میں
    [9] ستمبر میں
    [10] اکتوبر میں
    [11] نومبر میں
   *[12] دسمبر میں
    }

skip-to-content = اصل مواد پر جائیں
saved-here = اس فون پر محفوظ ہے
not-sent-yet = اس فون پر محفوظ ہے، ابھی بھیجا نہیں گیا
sent-to-team = ٹیم کو بھیج دیا گیا
last-sent = آخری بار بھیجا گیا: { $when }
never-sent = ابھی کچھ نہیں بھیجا گیا
send-now = ابھی بھیجیں
send-status = ٹیم تک کیا پہنچ چکا ہے
today = آج
yesterday = گزشتہ کل
tomorrow = آئندہ کل
on-day = { $day } کو
in-days = { $n ->
    [one] ایک دن بعد
   *[other] { $n } دن بعد
    }
sending = بھیجا جا رہا ہے…
send-failed = ٹیم سے رابطہ نہیں ہو سکا۔ کچھ بھی ضائع نہیں ہوا:
send-done = بھیج دیا گیا۔
next-send = اگلی بار { $time } بجے بھیجا جائے گا
next-try = اگلی کوشش { $time } بجے
offline-waits = سگنل نہیں ہے: سگنل واپس آتے ہی بھیج دیا جائے گا
send-will-retry = ابھی ٹیم سے رابطہ نہیں ہو سکا؛ فون خود ہی دوبارہ کوشش کرے گا۔ کچھ بھی ضائع نہیں ہوا:
sent-once-joined = جب یہ فون آپ کی ٹیم سے جڑ جائے گا تو یہ بھیج دیا جائے گا۔
join-team-to-send = اسے بھیجنے کے لیے ترتیبات میں جا کر اپنی ٹیم سے جڑیں۔
add = شامل کریں
never = کبھی نہیں
only-here = صرف اس فون پر
waiting = ابھی بھیجا نہیں گیا
on-relay = ٹیم کو بھیج دیا گیا
tab-page = میرے پاس دینے کو کیا ہے
tab-circle = اپنوں کا دائرہ
tab-journal = ڈائری
about-me = میرے بارے میں
offers = میرے پاس دینے کو کیا ہے
asks = کیا کوئی اس میں میری مدد کر سکتا ہے…؟
goals = مقصد، اور جو کچھ ممکن ہو سکتا ہے
in-their-words = ان کے اپنے الفاظ میں
in-my-words = میرے اپنے الفاظ میں
written-down-by-supporter = ان کے مددگار نے لکھا
written-down-by-team = ٹیم نے لکھا
added-by = { $name } نے شامل کیا
new-offer = نئی پیشکش
new-ask = مدد کی نئی درخواست
new-goal = نیا مقصد
category = مدد کی قسم
save = محفوظ کریں
cancel = منسوخ کریں
edit-item = تبدیل کریں
hide = چھپائیں
undo = واپس لیں
hidden-notice = چھپا دیا گیا۔ یہ محفوظ ہے، اور واپس لایا جا سکتا ہے۔
status = صورتحال
status-open = ابھی باقی ہے
status-in-progress = کوئی مدد کر رہا ہے
status-met = پورا ہو گیا
status-not-now = ابھی نہیں
cat-practical = عملی کام
cat-caring = دیکھ بھال
cat-company = ساتھ دینا
cat-creative = تخلیقی کام
cat-knowledge = علم اور تجربہ
cat-other = کچھ اور
ring-intimacy = سب سے قریبی
ring-friendship = دوست
ring-participation = گروپ اور سرگرمیاں
ring-exchange = مدد کرنے والے لوگ (معاوضے پر یا بدلے میں)
ring-possibility = جو ممکن ہو سکتا ہے
circle-list-heading = دائرے کے سب لوگ
ring = دائرہ
two-way = مدد دونوں طرف سے ہوتی ہے
both = دونوں طرف سے
not-today = آج نہیں
note-for-resident = وہ خود اور ٹیم
not-today-did-not-want = آج انہیں ملاقات نہیں چاہیے تھی
not-today-could-not-go = میرا جانا نہیں ہو سکا
not-today-were-out = گھر پر کوئی نہیں ملا
no-visit-saved = درج ہو گیا: آج ملاقات نہیں ہوئی۔
notes-from-visits = ملاقاتوں کا احوال
shared = رہائشی کے ساتھ شیئر کیا گیا
my-page = میرا صفحہ
more-about-this-phone = مزید
ioffer = کوئی چیز جو میں دے سکوں
iask = کوئی کام جس میں مجھے مدد چاہیے
hide-this = اسے چھپائیں
not-now = ابھی نہیں
give-back = فون واپس دیں
resident-mode-hint = یہ آپ کا صفحہ ہے۔ اپنے الفاظ میں لکھیں کہ آپ کے پاس دینے کو کیا ہے، اور کن کاموں میں آپ کو مدد چاہیے۔
settings = ترتیبات
language = زبان
done = ہو گیا
error-prefix = یہ نہیں ہو سکا: { $why }
lock = تالا لگائیں
locked-heading = اپنا PIN درج کریں
locked-hint = اس فون پر رہائشیوں کی معلومات پر تالا لگا ہے۔
pin = PIN
unlock = تالا کھولیں
unlocking = جانچ ہو رہی ہے…
loading = کھل رہا ہے…
tab-record = ان کی معلومات
tab-checkins = حال احوال
tab-story = کہانی
circle-changed = دائرہ کیسے بدلا ہے
or-pick-adate = یا کوئی بھی تاریخ چنیں
now = اب
visit-on = { $day } کی ملاقات
in-circle = دائرے میں
two-way-ties = دونوں طرف سے
new-since-visit = پچھلی ملاقات کے بعد سے نئے لوگ:
nothing-new = پچھلی ملاقات کے بعد سے کوئی نیا نہیں۔
start-checkin = حال احوال شروع کریں
start-short-checkin = شروع کریں
all-questions = سب سوال
change-last-answer = آخری جواب بدلیں
life-map-question = { $area } کے بارے میں حالات کیسے ہیں؟
rag-hard = ابھی مشکل ہے
rag-worries = کچھ فکریں ہیں
rag-well = اچھا چل رہا ہے
you-lonely = تنہائی کا احساس
you-satisfied = زندگی سے آپ کو کتنا اطمینان ہے
you-worthwhile = آپ کو چیزیں کتنی بامعنی لگتی ہیں
you-happy = آپ نے کتنی خوشی محسوس کی
you-anxious = آپ نے کتنی فکر محسوس کی
kind-better = { $what }: { $since } جو حال تھا، اب اس سے بہتر ہے۔
kind-same = { $what }: تقریباً ویسا ہی ہے جیسا { $since } تھا۔
kind-worse = { $what }: ہمیں بتانے کا شکریہ۔ آپ کے مددگار اس بارے میں آپ سے بات کرنے کے لیے موجود ہیں۔
no-checkins-yet = ابھی تک کوئی حال احوال نہیں ہوا۔
only-one-checkin = اب تک ایک بار حال احوال ہوا ہے: اگلی بار پتا چلے گا کہ حالات کیسے بدل رہے ہیں۔
nothing-to-compare = ہر بار سوال مختلف تھے، اس لیے ابھی موازنہ کرنے کو کچھ نہیں۔
how-have-things-changed = میرے لیے حالات کیسے بدلے ہیں؟
thank-you = شکریہ۔
checkin-intro-count = حالات کیسے ہیں، اس بارے میں { $n ->
    [one] ایک مختصر سوال
   *[other] { $n } مختصر سوال
    }۔ جو سوال چاہیں چھوڑ دیں، یا کسی بھی وقت رک جائیں۔
checkin-intro = حالات کیسے ہیں، اس بارے میں چند مختصر سوال۔ جو سوال چاہیں چھوڑ دیں، یا کسی بھی وقت رک جائیں۔
skip = یہ سوال چھوڑ دیں
not-today-thanks = آج نہیں، شکریہ
stop-here = یہیں روک دیں
consent-question = کیا یہ جواب، آپ کے نام کے بغیر، ٹیم کی گنتی میں شامل ہو سکتے ہیں؟
yes-count = جی ہاں، شامل ہو سکتے ہیں
no-count = نہیں، انہیں صرف میرے پاس رہنے دیں
checkin-saved = شکریہ۔ آپ کے جواب محفوظ ہو گئے ہیں۔
not-today-saved = کوئی بات نہیں۔ صرف “آج نہیں” درج کیا گیا ہے، اور کچھ نہیں۔
my-trend = حالات کیسے بدلے ہیں
story-heading = میری کہانی، میرے الفاظ میں
story-hint = یہ کہانی آپ کی ہے۔ آپ خود چنیں کہ اسے کون پڑھ سکتا ہے، اور یہ فیصلہ کسی بھی وقت بدلا جا سکتا ہے۔
consent-heading = میری کہانی کون پڑھ سکتا ہے؟
consent-now = ابھی:
consent-confirm-anonymous = Connect ٹیم سے باہر کے لوگ آپ کی کہانی پڑھ سکیں گے۔ آپ کا نام اور آپ کے جاننے والوں کے نام نکال دیے جائیں گے۔ کیا آپ کی یہی مرضی ہے؟
consent-confirm-named = Connect ٹیم سے باہر کے لوگ آپ کی کہانی آپ کے نام کے ساتھ پڑھ سکیں گے۔ کیا آپ کی یہی مرضی ہے؟
consent-confirm-team = Connect ٹیم کے سب لوگ آپ کی کہانی پڑھ سکیں گے۔ کیا آپ کی یہی مرضی ہے؟
consent-yes = جی ہاں، میری یہی مرضی ہے
consent-no = نہیں، جیسا ہے ویسا ہی رہنے دیں
consent-private = صرف میں اور میرا مددگار
consent-team = Connect ٹیم
consent-anonymous = ٹیم سے باہر شیئر، میرے نام کے بغیر
consent-named = ٹیم سے باہر شیئر، میرے نام کے ساتھ
consent-history = اجازت میں تبدیلیاں
save-story = کہانی محفوظ کریں
changed-by = تبدیل کرنے والے: { $name }
introductions = تعارف
intro-ask = کوئی جو اس میں مدد کر سکے:
intro-offer = کوئی جسے آپ کی پیشکش اچھی لگے:
intro-why = کیوں
intro-yes = جی ہاں، ہمارا تعارف کروا دیں
intro-no = نہیں، شکریہ
intro-said-yes = آپ نے ہاں کہا
intro-said-no = آپ نے “نہیں، شکریہ” کہا
give-back-to = براہِ کرم یہ فون { $name } کو واپس دے دیں
only-they-unlock = اسے کھولنا صرف { $name } کے ہاتھ میں ہے۔ شکریہ!
what-we-said = ہم نے کیا کرنے کا کہا تھا
when-due = { $day } تک
was-due = { $day } کے لیے تھا
no-rush = کوئی جلدی نہیں
promise-open = ابھی کرنا ہے
promise-done = ہو گیا
promise-not-now = ابھی نہیں
promise-no-longer = اب ضرورت نہیں
mark-no-longer = اب ضرورت نہیں
still-to-do = پھر بھی کرنا ہے
promise-marked = درج ہو گیا۔
nothing-promised = ابھی کوئی وعدہ نہیں۔
earlier-promises = مکمل، اور ایک طرف رکھے ہوئے
iwill-do = + کوئی کام جو میں خود کروں
promise-what = کون سا کام کیا جائے گا؟
save-promise = وعدہ محفوظ کریں
promise-saved-changes = محفوظ ہو گیا۔
next-visit = اگلی ملاقات
no-next-visit = ابھی کوئی ملاقات طے نہیں۔
when-icall = جب میں فون کروں
icall = جب ملاقات چاہیے ہو، میری طرف سے فون آئے گا
not-then-another-day = تب نہیں: کسی اور دن
moved-at-my-wish = میری مرضی سے دن بدلا گیا
next-visit-saved = اگلی ملاقات محفوظ ہو گئی۔
wait-seconds = { $n ->
    [one] { $n } سیکنڈ
   *[other] { $n } سیکنڈ
    }
wait-minutes = { $n ->
    [one] { $n } منٹ
   *[other] { $n } منٹ
    }
my-page-named = میرا صفحہ: { $name }
error-wiped = اس فون کو ٹیم سے ہٹا دیا گیا ہے، اور رہائشیوں کے بارے میں سب کچھ اس سے مٹا دیا گیا ہے۔
error-not-enrolled = یہ فون ابھی کسی ٹیم کا حصہ نہیں ہے۔ اپنے کوآرڈینیٹر سے دعوت مانگیں، پھر اسے سیٹنگز میں شامل کریں۔
error-unreachable = اس وقت ٹیم سے رابطہ نہیں ہے۔
error-wait = ٹیم کے سرور نے اس فون کو تھوڑا انتظار کرنے کو کہا ہے؛ کچھ ضائع نہیں ہوا۔
error-unavailable = ایپ جواب نہیں دے رہی۔ ایپ بند کر کے دوبارہ کھولیں؛ کچھ ضائع نہیں ہوا۔
error-locked = ایپ مقفل ہے۔ آگے بڑھنے کے لیے اسے کھولیں؛ کچھ ضائع نہیں ہوا۔
error-erased = بہت زیادہ غلط PIN: جیسا ٹیم نے طے کیا تھا، اس فون نے اپنا ریکارڈ مٹا دیا۔ جو ٹیم تک پہنچ چکا ہے وہ محفوظ ہے: فون دوبارہ سیٹ کریں اور ٹیم میں شامل ہوں۔
app-name = Connect Companion
wrong-pins-so-far = { $n ->
    [one] { $n } بار غلط PIN درج ہوا
   *[other] لگاتار { $n } بار غلط PIN درج ہوا
    }
forgot-pin = PIN بھول گئے؟
forgot-pin-explain = آپ کا PIN واپس حاصل نہیں کیا جا سکتا، اور اس کے بغیر کوئی بھی اس فون پر موجود معلومات نہیں کھول سکتا۔ آپ اس فون سے سب کچھ مٹا کر اسے نئے سرے سے تیار کر سکتے ہیں: جو کچھ ٹیم تک پہنچ چکا ہے وہ ٹیم کے پاس محفوظ ہے، اور جب آپ دوبارہ ٹیم سے جڑیں گے تو وہ واپس آ جائے گا۔
forgot-pin-loss = جو تبدیلیاں ٹیم تک نہیں پہنچیں، وہ ضائع ہو جائیں گی۔
erase-this-phone = اس فون سے سب کچھ مٹا کر نئے سرے سے شروع کریں
use-letters = حروف لکھیں
use-number-pad = نمبر پیڈ استعمال کریں
try-again-in = بہت زیادہ بار غلط PIN درج ہو چکا ہے۔ آپ { $wait } بعد دوبارہ کوشش کر سکتے ہیں۔
wait-counts-here = جب تک یہ اسکرین کھلی رہے، انتظار کا وقت کم ہوتا رہتا ہے۔
unlock-fingerprint = انگلی کے نشان یا چہرے سے تالا کھولیں
locked-heading-no-pin = اس فون کا تالا کھولیں
fingerprint-then-pin = PIN کے بعد یہ فون انگلی کا نشان یا چہرہ بھی مانگے گا۔
their-pin = { $name } کا PIN
erase-after-warning = لگاتار { $n } بار غلط PIN درج ہونے پر اس فون سے سب کچھ خود بخود مٹ جاتا ہے، جیسا کہ آپ کی ٹیم نے طے کیا ہے۔
unsent-some = { $n ->
    [one] اس فون پر { $n } تبدیلی ابھی ٹیم تک نہیں پہنچی: مٹانے سے یہ ضائع ہو جائے گی۔
   *[other] اس فون پر { $n } تبدیلیاں ابھی ٹیم تک نہیں پہنچیں: مٹانے سے یہ ضائع ہو جائیں گی۔
    }
unsent-none = اس فون کی ہر تبدیلی ٹیم تک پہنچ چکی ہے۔
type-erase = تصدیق کے لیے یہ لفظ لکھیں: مٹائیں
erase-word = مٹائیں
demo-banner = نمونے کی فہرست: یہاں سب لوگ فرضی ہیں۔
mark-met = پورا ہونے کا نشان لگائیں
circle-map-label = اپنوں کے دائرے کا نقشہ: سب سے قریبی (درمیان میں) سے لے کر جو ممکن ہو سکتا ہے (باہر کی طرف) تک دائرے
no-ties = ابھی دائرے میں کوئی نہیں۔
declined = انہوں نے منع کر دیا
no-notes = ابھی کوئی احوال نہیں لکھا گیا۔
pin-again = وہی PIN دوبارہ
everything-about-me = اس فون پر میرے بارے میں سب کچھ
own-page-on-its-way = اگلی بار جب اس فون پر سگنل آئے گا تو آپ کا صفحہ ٹیم کی طرف سے آ جائے گا۔ سگنل ہو تو “ابھی بھیجیں” دبائیں۔
storage-title = اس فون میں جگہ
storage-used = ایپ نے { $used } جگہ لی ہے · اس کے لیے { $left } باقی ہے
storage-may-be-cleared = جگہ کم ہونے پر یہ براؤزر اپنی محفوظ معلومات مٹا سکتا ہے: اس لیے اکثر ٹیم کو بھیجتے رہیں۔
storage-kept = جگہ کم ہونے پر بھی یہ براؤزر ایپ کی معلومات سنبھال کر رکھتا ہے۔
pins-differ = دونوں PIN ایک جیسے نہیں ہیں۔ انہیں دوبارہ لکھیں۔
this-phone = یہ فون
lock-heading = فون پر تالا لگائیں
own-lock-hint = جب تک آپ کا PIN دوبارہ درج نہ کیا جائے، اس فون پر کوئی آپ کا صفحہ نہیں پڑھ سکتا۔
own-copy-heading = اس فون پر آپ کے بارے میں جو کچھ محفوظ ہے
own-copy-hint = آپ کا صفحہ، آپ کا دائرہ، آپ کا حال احوال، آپ کی کہانی اور آپ کے ساتھ شیئر کی گئی ڈائری، سب ایک صفحے پر، جسے آپ یہاں پڑھ سکتے ہیں، محفوظ کر سکتے ہیں یا پرنٹ کر سکتے ہیں۔ جو نوٹ ٹیم صرف اپنے لیے رکھتی ہے، وہ کبھی اس فون پر نہیں آتے۔
read-copy = یہیں دکھائیں
read-copy-title = اس فون پر آپ کے بارے میں جو کچھ محفوظ ہے، پڑھنے کے لیے
prepare-copy = ایک نقل تیار کریں
preparing = تیار ہو رہی ہے…
save-readable = پڑھنے والی نقل محفوظ کریں
save-data = معلومات محفوظ کریں (JSON)
stop-counting = اسے ٹیم کی گنتی میں شامل نہ کریں
let-it-count = اسے ٹیم کی گنتی میں شامل کریں
change-pin = PIN بدلیں
current-pin = موجودہ PIN
new-pin = نیا PIN (کم از کم 6 حروف یا ہندسے)
pin-changed = PIN بدل گیا ہے۔ اب سے نیا PIN استعمال کریں۔
store-encrypted = اس آلے پر سب کچھ خفیہ کوڈ میں محفوظ ہے، اور صرف PIN سے کھلتا ہے۔
question-of = سوال { $n } / { $total }
past-checkins = اب تک کا حال احوال
counts-in-figures = ٹیم کی گنتی میں شامل
kept-private = ٹیم کی گنتی سے باہر
pin-rule = کم از کم 6 ہندسے، یا حروف والا کوئی جملہ۔ آسان PIN جیسے 123456، 111111 یا 121212 قبول نہیں کیے جاتے۔
promise-when = کب؟
when-day = کسی خاص دن
when-this-week = اسی ہفتے
when-no-rush = کوئی جلدی نہیں
when-not-said = بتایا نہیں گیا
promise-day = دن
visit-day = ملاقات کا دن
save-day = دن محفوظ کریں
checkin-asked-in-english = یہ سوالات انگریزی میں پوچھے جاتے ہیں، انہی الفاظ میں جن میں انہیں جانچا گیا تھا، تاکہ جوابات کا موازنہ کیا جا سکے۔ کسی بھی لفظ میں آپ کا مددگار آپ کی مدد کر سکتا ہے۔
# Voice notes and photos.
add-voice-or-photo = وائس نوٹ یا تصویر شامل کریں
voice-notes-and-photos = وائس نوٹ اور تصویریں
record-voice = وائس نوٹ ریکارڈ کریں
record-my-voice = میری آواز ریکارڈ کریں
take-photo = تصویر کھینچیں
choose-photo = تصویر چنیں
starting-microphone = مائیکروفون چالو ہو رہا ہے…
recording-time = ریکارڈنگ: { $time } (زیادہ سے زیادہ { $most })
stop-recording = ریکارڈنگ روکیں
take-the-photo = تصویر کھینچ لیں
dont-keep = نہ رکھیں
keep-it = رکھ لیں
new-photo = نئی تصویر
new-voice-note = نیا وائس نوٹ
photo-caption = تصویر میں کیا ہے
voice-caption = وائس نوٹ کس بارے میں ہے
transcript-label = اس میں کیا کہا گیا ہے، لکھ کر (اگر آپ چاہیں)
file-too-large = یہ فائل تصویر کے لیے بہت بڑی ہے (زیادہ سے زیادہ 64 MB)۔
file-unreadable = یہ فائل پڑھی نہیں جا سکی۔ کوئی اور فائل آزمائیں۔
media-kept = اس فون پر رکھ لیا گیا ہے۔ اگلی بار بھیجنے پر یہ ٹیم تک پہنچ جائے گا۔
voice-note = وائس نوٹ
voice-note-length = وائس نوٹ، { $time }
photo = تصویر
fetch-media = ٹیم سے منگوائیں ({ $size })
try-again = دوبارہ کوشش کریں
show-larger = تصویر بڑی کر کے دکھائیں
show-smaller = تصویر چھوٹی کر کے دکھائیں
play = چلائیں
pause = روکیں
what-it-says = اس میں کیا کہا گیا ہے
remove = ہٹائیں
remove-it = جی ہاں، ہٹا دیں
remove-voice-everywhere = یہ وائس نوٹ ہر فون سے اور ٹیم کے پاس سے ہٹا دیں؟
remove-photo-everywhere = یہ تصویر ہر فون سے اور ٹیم کے پاس سے ہٹا دیں؟
media-removed = ہٹا دیا گیا۔ دوسرے فون جب اگلی بار بھیجیں گے تو وہاں سے بھی ہٹ جائے گا۔
media-only-here = صرف اس فون پر
media-sending = بھیجا جا رہا ہے: { $percent }% ٹیم تک پہنچ گیا
media-safe = ٹیم کے پاس محفوظ ہے
media-with-team = ٹیم کے پاس ہے، اس فون پر نہیں
media-stuck = نہیں بھیجا جا سکا: { $why }
voice-notes-only-here = { $n ->
    [one] { $n } وائس نوٹ صرف اس فون پر
   *[other] { $n } وائس نوٹ صرف اس فون پر
    }
photos-only-here = { $n ->
    [one] { $n } تصویر صرف اس فون پر
   *[other] { $n } تصویریں صرف اس فون پر
    }
