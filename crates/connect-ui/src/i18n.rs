//! Every word the screens show, in one catalogue. English is complete;
//! Romanian covers the resident-facing screens and falls back to English
//! elsewhere. A message is an enum variant, so a missing English text is a
//! compile error, not a blank button.

/// A language the app can speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Română.
    Ro,
}

impl Lang {
    /// Every language, for the settings picker.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Ro];

    /// The BCP 47 tag, for `lang` attributes.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ro => "ro",
        }
    }

    /// The language's own name.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ro => "Română",
        }
    }
}

macro_rules! catalogue {
    ($( $key:ident => $en:literal $(, ro: $ro:literal)? ; )+) => {
        /// A piece of text on a screen.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Msg { $($key),+ }

        /// The text for `msg` in `lang`.
        #[must_use]
        pub fn t(lang: Lang, msg: Msg) -> &'static str {
            match (lang, msg) {
                $( $( (Lang::Ro, Msg::$key) => $ro, )? )+
                $( (_, Msg::$key) => $en, )+
            }
        }
    };
}

catalogue! {
    AppName => "Connect Companion";
    SkipToContent => "Skip to the content", ro: "Sari la conținut";
    SavedHere => "Saved on this phone", ro: "Salvat pe acest telefon";
    NotSentYet => "Saved on this phone, not sent yet", ro: "Salvat pe acest telefon, netrimis încă";
    SentToTeam => "Sent to the team", ro: "Trimis echipei";
    LastSent => "Last sent", ro: "Trimis ultima dată";
    NeverSent => "Nothing sent yet", ro: "Nimic trimis încă";
    SendNow => "Send now", ro: "Trimite acum";
    SendStatus => "What has reached the team", ro: "Ce a ajuns la echipă";
    Today => "today", ro: "azi";
    Yesterday => "yesterday", ro: "ieri";
    Tomorrow => "tomorrow", ro: "mâine";
    OnDay => "on", ro: "pe";
    AtTime => "at", ro: "la";
    InDays => "in", ro: "în";
    Days => "days", ro: "zile";
    Sending => "Sending…", ro: "Se trimite…";
    SendFailed => "Could not reach the team. Nothing is lost:", ro: "Nu s-a putut ajunge la echipă. Nu se pierde nimic:";
    SendDone => "Sent.", ro: "Trimis.";
    NextSend => "next send at", ro: "următoarea trimitere la";
    NextTry => "next try at", ro: "următoarea încercare la";
    OfflineWaits => "no signal: it sends when the signal is back", ro: "fără semnal: se trimite când revine semnalul";
    SendWillRetry => "Could not reach the team just now; it tries again by itself. Nothing is lost:", ro: "Nu s-a putut ajunge la echipă acum; se reîncearcă singur. Nu se pierde nimic:";
    SentOnceJoined => "It is sent once this phone joins your team.", ro: "Se trimite după ce telefonul se alătură echipei.";
    JoinTeamToSend => "Join your team in Settings to send it.", ro: "Alăturați-vă echipei în Setări pentru a trimite.";
    AutoSync => "Send to the team by itself while the app is open";
    AutoSyncHint => "It also sends when the app opens, a little after each change, when the signal comes back, and when you leave the app.";
    AutoSyncOff => "Only after changes";
    AutoSyncEvery => "Every";
    Minutes => "minutes";
    DemoBanner => "Demo caseload: everyone here is fictional.";
    Caseload => "Caseload";
    SearchLabel => "Search names, offers and asks";
    SortBy => "Sort by";
    SortName => "Name";
    SortLastVisit => "Last visit";
    AddResident => "Add a resident";
    PreferredName => "The name they like to be called";
    AddedByMistake => "Added by mistake?";
    AddedByMistakeHint => "Nothing about this resident has been sent to the team yet, so you can remove them from this phone.";
    RemoveFromPhone => "Remove them from this phone";
    RemoveThem => "Yes, remove them";
    KeepThem => "No, keep them";
    RemovedMistake => "was removed from this phone.";
    SameNameAlready => "There is already a resident on this phone called";
    OpenThem => "Open";
    AddAnotherSameName => "Add another person with this name";
    Add => "Add", ro: "Adaugă";
    OffersCount => "offers";
    OfferCount => "offer";
    AsksOpenCount => "asks open";
    AskOpenCount => "ask open";
    CircleCount => "in circle";
    LastVisit => "Last visit";
    Never => "never", ro: "niciodată";
    OnlyHere => "Only on this phone", ro: "Doar pe acest telefon";
    Waiting => "Not sent yet", ro: "Netrimis încă";
    OnRelay => "Sent to the team", ro: "Trimis echipei";
    NoResidents => "No residents on this phone yet. Add someone below, or join your team in Settings with the invite your coordinator gives you: the residents you support then come to this phone.";
    NothingFound => "Nobody matches that search.";
    Back => "Back";
    TabPage => "What I can offer", ro: "Ce pot oferi";
    TabCircle => "Circle of care", ro: "Cercul meu";
    TabJournal => "Journal", ro: "Jurnal";
    HandToResident => "Hand to resident";
    AboutMe => "About me", ro: "Despre mine";
    Offers => "What I can offer", ro: "Ce pot oferi";
    Asks => "Could you help me with…?", ro: "M-ați putea ajuta cu…?";
    Goals => "Goals and what could be possible", ro: "Obiective și ce ar fi posibil";
    InTheirWords => "In their words", ro: "În cuvintele lor";
    InMyWords => "In my words", ro: "În cuvintele mele";
    WrittenDownBySupporter => "written down by their supporter", ro: "notat de persoana care sprijină";
    WrittenDownByTeam => "written down by the team", ro: "notat de echipă";
    AddedBy => "Added by", ro: "Adăugat de";
    NewOffer => "A new offer", ro: "O ofertă nouă";
    NewAsk => "A new ask", ro: "O cerere nouă";
    NewGoal => "A new goal", ro: "Un obiectiv nou";
    Category => "Kind of help", ro: "Fel de ajutor";
    Save => "Save", ro: "Salvează";
    Cancel => "Cancel", ro: "Renunță";
    EditItem => "Edit", ro: "Modifică";
    Hide => "Hide", ro: "Ascunde";
    Undo => "Undo", ro: "Anulează";
    HiddenNotice => "Hidden. It is kept, and can be brought back.", ro: "Ascuns. Este păstrat și poate fi adus înapoi.";
    Status => "Status", ro: "Stare";
    StatusOpen => "Open", ro: "Deschisă";
    StatusInProgress => "Someone is helping", ro: "Cineva ajută";
    StatusMet => "Met", ro: "Rezolvată";
    StatusNotNow => "Not now", ro: "Nu acum";
    MarkMet => "Mark met";
    CatPractical => "Practical", ro: "Practic";
    CatCaring => "Caring", ro: "Grijă";
    CatCompany => "Company", ro: "Companie";
    CatCreative => "Creative", ro: "Creativ";
    CatKnowledge => "Knowledge", ro: "Cunoștințe";
    CatOther => "Other", ro: "Altceva";
    RingIntimacy => "Closest", ro: "Cei mai apropiați";
    RingFriendship => "Friends", ro: "Prieteni";
    RingParticipation => "Groups and activities", ro: "Grupuri și activități";
    RingExchange => "People who help (paid or in exchange)", ro: "Oameni care ajută";
    RingPossibility => "Could be possible", ro: "Ar putea fi posibil";
    CircleListHeading => "Everyone in the circle", ro: "Toată lumea din cerc";
    CircleMapLabel => "Circle of care map: rings from closest (centre) to possible (outside)";
    AddTie => "Add someone to the circle";
    TieName => "Their name";
    Relationship => "How they know each other";
    Ring => "Ring", ro: "Cerc";
    TwoWay => "Support goes both ways", ro: "Ajutorul merge în ambele sensuri";
    IsPlace => "This is a place or group";
    MoveTo => "Move to";
    Both => "both ways", ro: "în ambele sensuri";
    NoTies => "Nobody in the circle yet.";
    AddNote => "Add a note";
    NoteText => "What happened";
    NotToday => "Not today", ro: "Nu azi";
    Declined => "They said no";
    TeamOnly => "Team only: not shown to the resident";
    WhoSeesNote => "Who can see this note?";
    TheySaidThis => "They said this: in their words";
    NoteForResident => "They and the team", ro: "Eu și echipa";
    NoteForTeam => "Only the team";
    ChooseWhoSees => "Choose who can see it first.";
    NotTodayWhy => "Why was there no visit?";
    NotTodayDidNotWant => "They didn't want a visit today", ro: "Nu am vrut o vizită azi";
    NotTodayCouldNotGo => "I couldn't go", ro: "Nu a putut veni";
    NotTodayWereOut => "They were out", ro: "Nu eram acasă";
    NoVisitSaved => "Recorded: no visit today.", ro: "Notat: fără vizită azi.";
    NoteRemoved => "Note removed. It stays in their record's history.";
    RemoveNote => "Remove";
    SaveNote => "Save the note";
    NotesFromVisits => "Notes from visits", ro: "Note de la vizite";
    Shared => "Shared with the resident", ro: "Împărtășit cu mine";
    TeamNotes => "Team-only notes";
    NoNotes => "No notes yet.";
    MoodLabel => "How they seemed";
    MoodNone => "Not noted";
    MoodGood => "Good";
    MoodOkay => "Okay";
    MoodLow => "Low";
    MyPage => "My page", ro: "Pagina mea";
    MoreAboutThisPhone => "More", ro: "Mai mult";
    IOffer => "Something I can offer", ro: "Ceva ce pot oferi";
    IAsk => "Something I'd like help with", ro: "Ceva la care aș vrea ajutor";
    HideThis => "Hide this", ro: "Ascunde";
    NotNow => "Not now", ro: "Nu acum";
    GiveBack => "Give the phone back", ro: "Dă telefonul înapoi";
    ResidentModeHint => "This is your page. Add what you can offer and what you'd like help with, in your own words.", ro: "Aceasta este pagina ta. Adaugă ce poți oferi și la ce ai vrea ajutor, în cuvintele tale.";
    Settings => "Settings", ro: "Setări";
    Language => "Language", ro: "Limba";
    DeviceName => "This device's name";
    DeviceId => "This phone's number (your coordinator may ask for it)";
    RelayAddress => "Your team's address";
    InviteCode => "Invite code";
    ScanInvite => "Scan the invite's QR code";
    StopScanning => "Stop the camera";
    CameraPicture => "What the camera sees";
    PointAtInvite => "Point the camera at the QR code on your coordinator's screen.";
    NotAnInvite => "That QR code is not a Connect Companion invite. Scan the one your coordinator shows, or type the code.";
    InviteRead => "Invite read. Check the team's address, then join.";
    Connect => "Join your team";
    Connected => "This phone is part of the team at";
    CreateInvite => "Invite someone";
    InviteRole => "Who is it for";
    RoleSupporter => "A supporter";
    RoleCoordinator => "A coordinator";
    RoleResident => "A resident (their own phone)";
    InviteReady => "Scan this code or type it on the new device. It works once.";
    Expires => "Works until";
    Done => "Done", ro: "Gata";
    ErrorPrefix => "That did not work:", ro: "Nu a mers:";
    Lock => "Lock", ro: "Blochează";
    LockedHeading => "Enter your PIN", ro: "Introduceți codul PIN";
    LockedHint => "The residents' information on this phone is locked.", ro: "Informațiile de pe acest telefon sunt blocate.";
    Pin => "PIN", ro: "Cod PIN";
    PinAgain => "The same PIN again";
    Unlock => "Unlock", ro: "Deblochează";
    Unlocking => "Checking…", ro: "Se verifică…";
    Loading => "Opening…", ro: "Se deschide…";
    EverythingAboutMe => "Everything on this phone about me";
    OwnPageOnItsWay => "Your page comes from the team the next time this phone has signal. Tap “Send now” when you have signal.";
    TryAgainAfter => "Too many wrong PINs. You can try again after";
    WrongPinsSoFar => "wrong PINs in a row";
    ForgotPin => "Forgot your PIN?";
    StorageTitle => "Space on this phone";
    StorageUsed => "used by the app";
    StorageLeft => "left for it";
    StorageMayBeCleared => "This browser may clear its records when space runs low: send to the team often.";
    StorageKept => "This browser keeps the app's records even when space runs low.";
    ForgotPinExplain => "Your PIN cannot be recovered, and nobody can open this phone's records without it. You can erase this phone and set it up again: what has reached the team is safe with the team and comes back when you join again.";
    ForgotPinLoss => "Changes that have not reached the team will be lost.";
    EraseThisPhone => "Erase this phone and start again";
    AppIntro => "For Connect supporters and the residents they visit: what each resident can offer, what they would like help with, their circle of care and notes from visits. It all stays on this phone, locked, and reaches your team when there is a signal.";
    SetUpHeading => "Set up this phone";
    SetUpHint => "Your PIN keeps the residents' information on this phone private. Choose one you will remember: it cannot be recovered. At least 6 characters.";
    YourName => "Your name";
    ChoosePin => "Choose a PIN";
    SetUp => "Set up";
    DemoOffer => "Start with the fictional demo caseload: 36 made-up residents, for trying the app. Nobody in it is real.";
    PinsDiffer => "The two PINs are different. Type them again.";
    WipedHeading => "This phone was removed from the team";
    WipedExplain => "Your coordinator revoked this device, so everything about residents has been deleted from it, with its key.";
    WipedNext => "If this was a mistake, ask your coordinator for a new invite and set the phone up again.";
    SetUpAgain => "Set up this phone again";
    TabRecord => "Their record", ro: "Dosarul meu";
    CopyHeading => "A copy of everything held";
    CopyHint => "A resident may ask for everything held about them. This makes a page they can read and print (hidden items and team-only notes included), and the same as data.";
    ThisPhone => "This phone";
    LockHeading => "Lock the phone";
    OwnLockHint => "Nobody can read your page on this phone until your PIN is typed again.";
    OwnCopyHeading => "Everything this phone holds about you";
    OwnCopyHint => "Your page, your circle, your check-ins, your story and the journal shared with you, in one page you can read here, save or print. Notes the team keeps for itself never come to this phone.";
    ReadCopy => "Show it here";
    ReadCopyTitle => "Everything this phone holds about you, to read";
    PrepareCopy => "Prepare a copy";
    Preparing => "Preparing…";
    SaveReadable => "Save the readable copy";
    SaveData => "Save the data (JSON)";
    HistoryHeading => "Who changed what, and when";
    ShowHistory => "Show the history";
    HistoryOnlyHere => "Only on this device: not yet with the team";
    HistoryReached => "Reached the team";
    HistoryUnknown => "Someone on another device";
    HistoryRelayProblem => "Could not ask the team, so only this phone's own changes are named:";
    EraseHeading => "Erase this resident";
    EraseExplain => "Erasing deletes everything about this resident from the team and from this phone now, and from every other phone the next time it reaches the team. It cannot be undone. Export a copy first if the resident wants one.";
    EraseConfirmLabel => "To confirm, type their name";
    EraseButton => "Erase everywhere";
    Erased => "was erased from the team and this phone. Other phones delete them the next time they reach the team.";
    TabCheckins => "Check-ins", ro: "Cum mă simt";
    TabStory => "Story", ro: "Povestea mea";
    CircleChanged => "How the circle has changed", ro: "Cum s-a schimbat cercul meu";
    CircleAt => "The circle on";
    OrPickADate => "Or pick any date", ro: "Sau alegeți o dată";
    StopCounting => "Stop counting this in team figures";
    LetItCount => "Let this count in team figures";
    ChangePin => "Change the PIN";
    CurrentPin => "Current PIN";
    NewPin => "New PIN (at least 6 characters)";
    PinChanged => "The PIN is changed. Use the new one from now on.";
    StoreEncrypted => "Everything on this device is encrypted and opens only with the PIN.";
    Now => "now", ro: "acum";
    VisitOn => "visit", ro: "vizită";
    InCircle => "In the circle", ro: "În cerc";
    TwoWayTies => "Both ways", ro: "În ambele sensuri";
    NewSinceVisit => "New since the visit before:", ro: "Nou de la vizita trecută:";
    NothingNew => "Nobody new since the visit before.", ro: "Nimeni nou de la vizita trecută.";
    NoVisitsYet => "No visits recorded yet: the circle's story starts with the first visit note.";
    CircleTrendLabel => "Ties in the circle and ties that go both ways, at each visit";
    StartCheckin => "Start a check-in", ro: "Începe";
    StartShortCheckin => "Start", ro: "Începe";
    AllQuestions => "All the questions", ro: "Toate întrebările";
    ChangeLastAnswer => "Change my last answer", ro: "Schimb ultimul răspuns";
    LifeMapQuestion => "How are things with", ro: "Cum stau lucrurile cu";
    RagHard => "Hard right now", ro: "Greu acum";
    RagWorries => "Some worries", ro: "Câteva griji";
    RagWell => "Going well", ro: "Merge bine";
    MeasureLonely => "How often they feel lonely";
    MeasureUcla => "Loneliness score (3 to 9, lower is less lonely)";
    MeasureSatisfied => "How satisfied they are with life";
    MeasureWorthwhile => "How worthwhile things feel";
    MeasureHappy => "How happy they felt";
    MeasureAnxious => "How anxious they felt";
    ChangeBetter => "That is better.";
    ChangeWorse => "That is worse: worth a word together.";
    ChangeSame => "No change.";
    InMonth => "in";
    AtTheLatest => "at the latest";
    YouLonely => "Feeling lonely", ro: "Singurătatea";
    YouSatisfied => "How satisfied you are with life", ro: "Cât de mulțumit sunteți de viață";
    YouWorthwhile => "How worthwhile things feel", ro: "Cât de folositoare par lucrurile";
    YouHappy => "How happy you have felt", ro: "Cât de fericit v-ați simțit";
    YouAnxious => "How worried you have felt", ro: "Cât de îngrijorat v-ați simțit";
    KindBetter => "better than in", ro: "mai bine decât în";
    KindSame => "about the same as in", ro: "cam la fel ca în";
    KindWorse => "thank you for telling us. Your supporter is here to talk it through with you.", ro: "vă mulțumim că ne-ați spus. Persoana care vă sprijină este aici să vorbiți despre asta.";
    ConcernUnsafe => "said they are not feeling safe right now.";
    ConcernAnxious => "said they felt very anxious yesterday";
    ConcernHeading => "Before you go: worth a word together";
    ConcernSeen => "We have talked about it";
    NoCheckinsYet => "No check-ins yet.", ro: "Nicio discuție încă.";
    OnlyOneCheckin => "One check-in so far: next time you can see how things change.", ro: "O singură dată până acum: data viitoare veți vedea cum se schimbă lucrurile.";
    NothingToCompare => "Different questions each time, so nothing to compare yet.", ro: "Întrebări diferite de fiecare dată, deci nimic de comparat încă.";
    HowHaveThingsChanged => "How have things changed for me?", ro: "Cum s-au schimbat lucrurile pentru mine?";
    ThankYou => "Thank you.", ro: "Mulțumim.";
    CheckinIntroCount => "short questions about how things are. Skip any you like, or stop at any time.", ro: "întrebări scurte despre cum stau lucrurile. Puteți sări peste oricare sau vă puteți opri oricând.";
    CheckinIntro => "A few short questions about how things are. Skip any you like, or stop at any time.", ro: "Câteva întrebări scurte. Puteți sări peste oricare sau vă puteți opri oricând.";
    Skip => "Skip this one", ro: "Sari peste";
    NotTodayThanks => "Not today, thank you", ro: "Nu azi, mulțumesc";
    StopHere => "Stop here", ro: "Mă opresc aici";
    QuestionOf => "Question";
    ConsentQuestion => "May these answers count in the team's figures, without your name?", ro: "Pot aceste răspunsuri să conteze în cifrele echipei, fără numele dvs.?";
    YesCount => "Yes, they may count", ro: "Da, pot conta";
    NoCount => "No, keep them to me", ro: "Nu, doar pentru mine";
    CheckinSaved => "Thank you. Your answers are saved.", ro: "Mulțumim. Răspunsurile sunt salvate.";
    NotTodaySaved => "That's fine. \"Not today\" is noted, and nothing else.", ro: "E în regulă. Am notat „nu azi”.";
    MyTrend => "How things have changed", ro: "Cum s-au schimbat lucrurile";
    PastCheckins => "Check-ins so far";
    Answered => "answered";
    CountsInFigures => "counts in team figures";
    KeptPrivate => "kept out of team figures";
    UclaChartLabel => "Loneliness score at each check-in, 3 to 9, lower is less lonely";
    LifeChartLabel => "Life satisfaction at each check-in, 0 to 10";
    StoryHeading => "My story, in my words", ro: "Povestea mea, în cuvintele mele";
    StoryHint => "The story is yours. You choose who can read it, and you can change that at any time.", ro: "Povestea este a dvs. Dvs. alegeți cine o poate citi și puteți schimba oricând.";
    StoryHintTeam => "Write down their story in their words. Only they choose who can read it: ask them, and tap what they say.";
    ConsentHeading => "Who can read my story?", ro: "Cine îmi poate citi povestea?";
    ConsentNow => "Now:", ro: "Acum:";
    ConsentConfirmAnonymous => "People outside the Connect team could read your story. Your name and the names of people you know would be taken out. Is that what you want?", ro: "Persoane din afara echipei Connect v-ar putea citi povestea. Numele dvs. și ale celor pe care îi cunoașteți ar fi scoase. Asta doriți?";
    ConsentConfirmNamed => "People outside the Connect team could read your story, with your name on it. Is that what you want?", ro: "Persoane din afara echipei Connect v-ar putea citi povestea, cu numele dvs. Asta doriți?";
    ConsentConfirmTeam => "Everyone in the Connect team could read your story. Is that what you want?", ro: "Toată echipa Connect v-ar putea citi povestea. Asta doriți?";
    ConsentYes => "Yes, that is what I want", ro: "Da, asta doresc";
    ConsentNo => "No, keep it as it is", ro: "Nu, lăsați cum este";
    RecordedBy => "written down by", ro: "notat de";
    ConsentPrivate => "Only me and my supporter", ro: "Doar eu și persoana care mă sprijină";
    ConsentTeam => "The Connect team", ro: "Echipa Connect";
    ConsentAnonymous => "Shared outside the team, without my name", ro: "Împărtășită în afara echipei, fără numele meu";
    ConsentNamed => "Shared outside the team, with my name", ro: "Împărtășită în afara echipei, cu numele meu";
    ConsentHistory => "Changes of consent", ro: "Schimbări";
    SaveStory => "Save the story", ro: "Salvează povestea";
    ChangedBy => "Changed by", ro: "Schimbat de";
    Introductions => "Introductions", ro: "Prezentări";
    IntroAsk => "Someone who might help with:", ro: "Cineva care ar putea ajuta cu:";
    IntroOffer => "Someone who might like your offer:", ro: "Cineva căruia i-ar plăcea oferta dvs.:";
    IntroWhy => "Why", ro: "De ce";
    IntroYes => "Yes, introduce us", ro: "Da, faceți cunoștință";
    IntroNo => "No, thank you", ro: "Nu, mulțumesc";
    IntroSaidYes => "You said yes", ro: "Ați spus da";
    IntroSaidNo => "You said no, thank you", ro: "Ați spus nu";
    Team => "Team";
    TabMatches => "Matches";
    TabPlaces => "Places";
    TabInsights => "Insights";
    TabStories => "Stories we may share";
    MatchesHint => "Offers that might meet someone's ask, with why each was suggested. Both residents are asked first; nothing happens unless both say yes.";
    NoMatches => "No new suggestions.";
    MoreOffers => "More offers for this ask";
    SuggestIntro => "Suggest an introduction";
    IntroSuggested => "Suggested to both. Each will be asked on their page.";
    IntrosSoFar => "Introductions suggested";
    StateWaiting => "Waiting for an answer";
    StateAgreed => "Both said yes";
    StateDeclined => "Declined: a choice";
    Asks_ => "asks";
    Offers_ => "offers";
    PlacesHint => "Places that welcome people and small practical helpers, for the whole team.";
    SearchPlaces => "Search places and helpers";
    NoPlaces => "Nothing in the directory matches.";
    NoDirectory => "The team's places and helpers come from the team: join your team in Settings to see and add them.";
    AddPlace => "Add a place or helper";
    PlaceName => "Name";
    PlaceIsHelper => "A practical helper (rather than a place)";
    PlaceDescription => "What it offers";
    PlaceContact => "How to reach it";
    PlaceTags => "Words that help find it";
    LinkPlace => "Find a place or helper";
    LinkedPlaces => "Could help:";
    Unlink => "Remove";
    Link => "Link";
    InsightsHint => "Figures with no names. Any figure drawn from fewer than 5 residents is not shown, nor any that would reveal fewer than 5 when taken from another, so no one can be identified. Check-in figures count only residents who agreed.";
    ResidentsSupported => "Residents supported";
    ResidentsVisited => "Residents visited";
    CircleGrowth => "Circles of care: how many people, in the middle of the range, at the first visit and the latest";
    FirstVisit => "First visit";
    LatestVisit => "Latest visit";
    AsksRaised => "Asks raised";
    AsksMet => "Asks met";
    OffersListed => "Offers listed";
    OffersMade => "Offers made to other residents";
    IntrosDeclined => "Introductions declined";
    CheckinChange => "Check-ins (residents who agreed)";
    UclaFirstLatest => "Loneliness score in the middle of the range (3 to 9, lower is less lonely), first and latest";
    LifeFirstLatest => "Life satisfaction in the middle of the range (0 to 10), first and latest";
    Improved => "Residents feeling less lonely";
    FewerThanFive => "fewer than 5";
    NoAnswersYet => "no answers yet";
    Withheld => "not shown (with the figures beside it, it would reveal fewer than 5)";
    SaveFiguresCsv => "Save the figures (CSV)";
    SavePerResidentCsv => "Save one row per resident, pseudonymous (CSV)";
    StoriesHint => "Only stories whose owner agreed to share them, exactly as they agreed: no name where they chose not to be named. A story disappears from here as soon as consent is withdrawn.";
    NoStories => "No stories may be shared yet.";
    Anonymous => "Shared without a name";
    TabPeople => "People";
    InvitesMoved => "To invite someone to the team, go to Team, then People.";
    InviteName => "Their name, as the team will know them";
    WhichResident => "Which resident";
    ChooseOne => "Choose…";
    ChooseTheResident => "Choose the resident first.";
    InviteFor => "An invite for";
    InviteMade => "An invite";
    InviteQr => "The invite as a QR code";
    StopsWorking => "It stops working";
    InvitesWaiting => "Invites not used yet";
    NoInvitesWaiting => "No invites are waiting to be used.";
    EarlierInvites => "Earlier invites";
    InviteUsed => "Used";
    InviteExpired => "Stopped working unused";
    InviteCancelled => "Cancelled";
    Made => "made";
    CancelInvite => "Cancel";
    InviteCancelledFor => "Invite cancelled:";
    PeopleOnTeam => "People on the team";
    TheirPhones => "Their phones";
    OffTheTeam => "Taken off the team.";
    PhoneRemovedState => "removed";
    RemoveThisPhone => "Remove this phone";
    RemovePhoneWarning => "Remove this phone from the team? Everything about residents is deleted from it the next time it connects.";
    PhoneRemoved => "Phone removed. It is wiped the next time it connects.";
    AResident => "A resident";
    AssignTo => "Assign to";
    EndAssignment => "End this assignment";
    Assigned => "Assigned. Their phones receive the resident the next time they send.";
    AssignmentEnded => "Assignment ended. Their phones no longer receive the resident.";
    TakeOffTeam => "Take off the team:";
    TakeOffTeamWarning => "Every phone of theirs is removed and wiped the next time it connects, and the invites they made stop working.";
    TakenOffTeam => "was taken off the team.";
    ResidentRecords => "Residents' records";
    ResidentRecordsHint => "Who changed what, a copy of everything held, and erasing a resident everywhere.";
    ShortCheckinHeading => "The short check-in";
    ShortCheckinHint => "The questions a check-in asks unless the person chooses all of them. Feeling safe and anxiety raise a worry to the supporter: leave them in.";
    QuestionsPicked => "questions chosen (1 to 6).";
    ShortCheckinSaved => "The short check-in is saved. Phones use it from their next send.";
    RoleNounSupporter => "supporter";
    RoleNounCoordinator => "coordinator";
    RoleNounResident => "resident, their own phone";
    // The lock (issue 21) and resident mode's lock (issue 27): "{name}" and "{n}" are filled in.
    PinRule => "At least 6 digits, or a passphrase with letters. Easy PINs like 123456, 111111 or 121212 are refused.";
    UseLetters => "Type letters";
    UseNumberPad => "Use the number pad";
    TryAgainIn => "Too many wrong PINs. You can try again in";
    WaitCountsHere => "The wait counts down while this screen is open.";
    OneSecond => "1 second";
    SecondsWord => "seconds";
    OneMinute => "1 minute";
    UnlockFingerprint => "Unlock with fingerprint or face";
    LockedHeadingNoPin => "Unlock this phone";
    FingerprintThenPin => "After the PIN, this phone asks for the fingerprint or face as well.";
    GiveBackTo => "Please give this phone back to {name}", ro: "Vă rugăm să dați telefonul înapoi lui {name}";
    OnlyTheyUnlock => "Only {name} can unlock it. Thank you!", ro: "Doar {name} îl poate debloca. Mulțumim!";
    TheirPin => "{name}'s PIN";
    EraseAfterWarning => "After {n} wrong PINs in a row this phone erases itself, as your team chose.";
    UnsentSome => "{n} changes on this phone have not reached the team yet: erasing loses them.";
    UnsentOne => "1 change on this phone has not reached the team yet: erasing loses it.";
    UnsentNone => "Every change on this phone has reached the team.";
    TypeErase => "To confirm, type ERASE";
    EraseWord => "ERASE";
    ErasedHeading => "This phone erased its records";
    ErasedExplain => "Too many wrong PINs were typed in a row, so this phone erased everything on it, with its key, as your team chose.";
    ErasedNext => "What reached the team is safe with them. Set the phone up again and join the team to get it back.";
    FingerprintOffer => "Also unlock with this phone's fingerprint or face (recommended). Then a copy of the phone's files opens nothing, even with the PIN.";
    FingerprintNotHere => "Your PIN alone will protect this phone's records:";
    ProtectionHeading => "How this phone's records are protected";
    ProtectedByBoth => "By this phone's fingerprint or face unlock and your PIN together: a copy of the phone's files opens nothing, even with the PIN.";
    ProtectedByPin => "By your PIN alone. Someone who copied this phone's files could try one PIN after another on a computer: a long PIN or a passphrase makes that much slower.";
    FingerprintCanHelp => "This phone has a fingerprint or face unlock: with it, a copy of the phone's files opens nothing.";
    TurnOnFingerprint => "Use the fingerprint or face unlock too";
    TurnOffFingerprint => "Stop using the fingerprint or face unlock";
    AskPinToo => "Ask for the PIN as well as the fingerprint";
    FingerprintAlone => "Let the fingerprint alone unlock";
    PinTooOn => "The PIN is asked as well as the fingerprint.";
    PinTooOff => "The fingerprint or face alone unlocks; the PIN is needed to change these settings.";
    TeamDecides => "Your team decides this: ask your coordinator.";
    PinToConfirm => "Your PIN, to confirm";
    FingerprintOn => "The fingerprint or face unlock is on.";
    FingerprintOff => "The fingerprint or face unlock is off: the PIN alone opens this phone.";
    EraseAfterHeading => "Erase this phone after 10 wrong PINs";
    EraseAfterHint => "Your team decides whether its phones do this, and it is off unless they ask. It stops anyone guessing PINs for ever, but whatever has not reached the team is lost with it.";
    EraseAfterIsOn => "On: 10 wrong PINs in a row erase this phone.";
    EraseAfterIsOff => "Off: wrong PINs only make the next try wait.";
    TurnItOn => "Turn it on";
    TurnItOff => "Turn it off";
    WhatWeSaid => "What we said we'd do", ro: "Ce am spus că vom face";
    YourSupporterWill => "Your supporter will", ro: "Persoana care te ajută va";
    YouWill => "You will", ro: "Tu vei";
    TheTeamWill => "The Connect team will", ro: "Echipa Connect va";
    SupporterWill => "The supporter will";
    Will => "will", ro: "va";
    WhenDue => "by", ro: "până";
    WasDue => "was for", ro: "era pentru";
    NoRush => "no rush", ro: "fără grabă";
    PromiseOpen => "Still to do", ro: "De făcut";
    PromiseDone => "Done", ro: "Făcut";
    PromiseNotNow => "Not now", ro: "Nu acum";
    PromiseNoLonger => "No longer needed", ro: "Nu mai e nevoie";
    MarkNoLonger => "No longer needed", ro: "Nu mai e nevoie";
    StillToDo => "Still to do after all", ro: "Totuși de făcut";
    PromiseMarked => "Marked.", ro: "Notat.";
    NothingPromised => "Nothing promised yet.", ro: "Nimic promis încă.";
    EarlierPromises => "Done and put aside", ro: "Făcute și lăsate deoparte";
    NewPromise => "+ Something we said we'd do";
    IWillDo => "+ Something I will do", ro: "+ Ceva ce voi face eu";
    PromiseWhat => "What will be done?", ro: "Ce se va face?";
    PromiseWhatHint => "For example: ask the council about the ramp";
    PromiseWho => "Who will do it?";
    WhoSupporter => "Me, the supporter";
    WhoResident => "They will";
    WhoCircle => "Someone in their circle";
    WhoTeam => "The Connect team";
    CirclePersonName => "Their name";
    PromiseWhen => "When?";
    WhenDay => "On a day";
    WhenThisWeek => "This week";
    WhenNoRush => "No rush";
    WhenNotSaid => "Not said";
    PromiseDay => "The day";
    PromiseForAsk => "For one of their asks";
    NoAsk => "None of them";
    PromiseTeamOnly => "Only the team may see it";
    SavePromise => "Save the promise", ro: "Salvează";
    EditPromise => "Put this promise right";
    PromiseSavedChanges => "Saved.", ro: "Salvat.";
    PromiseSaved => "Saved. It shows on Today when it is due.";
    NextVisit => "Next visit", ro: "Următoarea vizită";
    NoNextVisit => "No visit planned yet.", ro: "Nicio vizită plănuită încă.";
    WhenTheyCall => "when they call";
    WhenICall => "when I call", ro: "când sun eu";
    PlanNextVisit => "Plan the next visit";
    ChangeNextVisit => "Change it";
    VisitDay => "Day of the visit";
    SaveDay => "Save the day";
    TheyWillCall => "They'll call when they want a visit";
    ICall => "I'll call when I want a visit", ro: "Sun eu când vreau o vizită";
    NotThenAnotherDay => "Not then: another day", ro: "Nu atunci: altă zi";
    MovedAtTheirWish => "moved at their wish";
    MovedAtMyWish => "moved at my wish", ro: "mutată la dorința mea";
    NextVisitSaved => "Next visit saved.", ro: "Următoarea vizită a fost salvată.";
    TodayTitle => "Today";
    ShowAll => "Show all";
    VisitsToday => "Visits today";
    VisitsThisWeek => "Visits this week";
    PromisesDue => "Promises due";
    PromisesThisWeek => "Promises this week";
    NotSeenForAWhile => "Not seen for a while";
    NothingToday => "Nothing planned or due, and everyone has been seen lately.";
    TodayHint => "Nothing here is locked or late for ever: do it when you can.";
    PlannedFor => "planned for";
    LastSeen => "last seen";
    DaysAgo => "days ago";
    NotSeenSinceJoining => "not seen since joining";
    NotSeenHeading => "Not seen for a while";
    NotSeenHint => "Today lists residents with no visit or contact for this many days, unless a visit is planned or they said they would call. Three weeks unless the team changes it.";
    NotSeenDays => "Days";
    NotSeenSaved => "Saved for the whole team.";
    PromiseFigures => "What we said we'd do";
    PromisesMadeKept => "Promises made → kept";
    BySupporters => "by supporters";
    ByResidents => "by residents";
    ByCircles => "by people in their circles";
    ByTeam => "by the team";
    DaysToKeep => "Median days to keep a promise";
    AsksMetAfterPromise => "Asks met after a promise";
}

/// A role as a noun after a name: "Ioana (supporter)".
#[must_use]
pub fn role_noun(role: connect_model::AuthorRole) -> Msg {
    match role {
        connect_model::AuthorRole::Coordinator => Msg::RoleNounCoordinator,
        connect_model::AuthorRole::Resident => Msg::RoleNounResident,
        _ => Msg::RoleNounSupporter,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanian_falls_back_to_english_where_untranslated() {
        assert_eq!(t(Lang::Ro, Msg::SendNow), "Trimite acum");
        assert_eq!(t(Lang::Ro, Msg::DemoBanner), t(Lang::En, Msg::DemoBanner));
        assert_eq!(t(Lang::En, Msg::Asks), "Could you help me with…?");
    }
}
