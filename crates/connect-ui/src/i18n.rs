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
    ChangesWaiting => "changes only on this phone", ro: "modificări doar pe acest telefon";
    ChangeWaiting => "change only on this phone", ro: "modificare doar pe acest telefon";
    AllOnRelay => "Safe with the team", ro: "În siguranță la echipă";
    LastSynced => "Last synced", ro: "Ultima sincronizare";
    NeverSynced => "Not synced yet", ro: "Nesincronizat încă";
    NotConnected => "Not connected to a team relay";
    SyncNow => "Sync now", ro: "Sincronizează";
    Syncing => "Syncing…", ro: "Se sincronizează…";
    SyncFailed => "Sync did not finish. Nothing is lost; try again when you have signal.";
    SyncDone => "Synced.", ro: "Sincronizat.";
    NextSync => "next sync", ro: "următoarea sincronizare";
    NextTry => "next try", ro: "următoarea încercare";
    OfflineWaits => "no signal: it syncs when the signal is back", ro: "fără semnal: se sincronizează când revine semnalul";
    SyncWillRetry => "Not synced yet; it tries again by itself. Nothing is lost.", ro: "Nesincronizat încă; se reîncearcă singur. Nu se pierde nimic.";
    AutoSync => "Sync by itself while the app is open";
    AutoSyncHint => "It also syncs when the app opens, a little after each change, when the signal comes back, and when you leave the app.";
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
    Add => "Add", ro: "Adaugă";
    OffersCount => "offers";
    OfferCount => "offer";
    AsksOpenCount => "asks open";
    AskOpenCount => "ask open";
    CircleCount => "in circle";
    LastVisit => "Last visit";
    Never => "never", ro: "niciodată";
    OnlyHere => "Only on this phone", ro: "Doar pe acest telefon";
    Waiting => "Changes waiting", ro: "Modificări în așteptare";
    OnRelay => "On the relay", ro: "La echipă";
    NoResidents => "No residents yet. Add the first one above.";
    NothingFound => "Nobody matches that search.";
    Back => "Back to caseload";
    TabPage => "What I can offer", ro: "Ce pot oferi";
    TabCircle => "Circle of care", ro: "Cercul meu";
    TabJournal => "Journal", ro: "Jurnal";
    HandToResident => "Hand to resident";
    AboutMe => "About me", ro: "Despre mine";
    Offers => "What I can offer", ro: "Ce pot oferi";
    Asks => "Could you help me with…?", ro: "M-ați putea ajuta cu…?";
    Goals => "Goals and what could be possible", ro: "Obiective și ce ar fi posibil";
    InTheirWords => "In their words", ro: "În cuvintele mele";
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
    Shared => "Shared with the resident", ro: "Împărtășit cu mine";
    TeamNotes => "Team-only notes";
    NoNotes => "No notes yet.";
    MoodLabel => "How they seemed";
    MoodNone => "Not noted";
    MoodGood => "Good";
    MoodOkay => "Okay";
    MoodLow => "Low";
    MyPage => "My page", ro: "Pagina mea";
    IOffer => "Something I can offer", ro: "Ceva ce pot oferi";
    IAsk => "Something I'd like help with", ro: "Ceva la care aș vrea ajutor";
    HideThis => "Hide this", ro: "Ascunde";
    NotNow => "Not now", ro: "Nu acum";
    GiveBack => "Give the phone back", ro: "Dă telefonul înapoi";
    ResidentModeHint => "This is your page. Add what you can offer and what you'd like help with, in your own words.", ro: "Aceasta este pagina ta. Adaugă ce poți oferi și la ce ai vrea ajutor, în cuvintele tale.";
    Settings => "Settings", ro: "Setări";
    Language => "Language", ro: "Limba";
    DeviceName => "This device's name";
    DeviceId => "Device id (for your coordinator)";
    RelayAddress => "Team relay address";
    InviteCode => "Invite code";
    ScanInvite => "Scan the invite's QR code";
    StopScanning => "Stop the camera";
    CameraPicture => "What the camera sees";
    PointAtInvite => "Point the camera at the QR code on your coordinator's screen.";
    NotAnInvite => "That QR code is not a Connect Companion invite. Scan the one your coordinator shows, or type the code.";
    InviteRead => "Invite read. Check the relay, then connect.";
    Connect => "Connect to the team";
    Connected => "Connected to";
    CreateInvite => "Invite a new device";
    InviteRole => "Who is it for";
    RoleSupporter => "A supporter";
    RoleCoordinator => "A coordinator";
    RoleResident => "A resident (their own phone)";
    InviteReady => "Scan this code or type it on the new device. It works once.";
    Expires => "Expires";
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
    OwnPageOnItsWay => "Your page comes from the team when this phone next syncs. Tap “Sync now” when you have signal.";
    TryAgainAfter => "Too many wrong PINs. You can try again after";
    WrongPinsSoFar => "wrong PINs in a row";
    ForgotPin => "Forgot your PIN?";
    StorageTitle => "Space on this phone";
    StorageUsed => "used by the app";
    StorageLeft => "left for it";
    StorageMayBeCleared => "This browser may clear its records when space runs low: sync often.";
    StorageKept => "This browser keeps the app's records even when space runs low.";
    ForgotPinExplain => "Your PIN cannot be recovered, and nobody can open this phone's records without it. You can erase this phone and set it up again: what has reached the team is safe on the team relay and comes back when you reconnect.";
    ForgotPinLoss => "Changes that have not reached the team will be lost.";
    EraseThisPhone => "Erase this phone and start again";
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
    HistoryRelayProblem => "Could not ask the team relay, so only this device's own changes are named:";
    EraseHeading => "Erase this resident";
    EraseExplain => "Erasing deletes everything about this resident from the team relay and from this device now, and from every other device at its next sync. It cannot be undone. Export a copy first if the resident wants one.";
    EraseConfirmLabel => "To confirm, type their name";
    EraseButton => "Erase everywhere";
    Erased => "was erased from the team relay and this device. Other devices delete them at their next sync.";
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
    StoryHeading => "In their own words", ro: "În cuvintele mele";
    StoryHint => "The story belongs to them. They choose who may read it, and can change that at any time.", ro: "Povestea este a dvs. Dvs. alegeți cine o poate citi și puteți schimba oricând.";
    ConsentHeading => "Who may read it", ro: "Cine o poate citi";
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
    NoDirectory => "The team directory arrives from the team relay: connect this device and sync to see and add places.";
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
    CircleGrowth => "Circle of care: median ties per ring, first visit and latest visit";
    FirstVisit => "First visit";
    LatestVisit => "Latest visit";
    AsksRaised => "Asks raised";
    AsksMet => "Asks met";
    OffersListed => "Offers listed";
    OffersMade => "Offers made to other residents";
    IntrosDeclined => "Introductions declined";
    CheckinChange => "Check-ins (residents who agreed)";
    UclaFirstLatest => "Median loneliness score (UCLA 3-item, 3 to 9), first and latest";
    LifeFirstLatest => "Median life satisfaction (0 to 10), first and latest";
    Improved => "Residents feeling less lonely";
    FewerThanFive => "fewer than 5";
    NoAnswersYet => "no answers yet";
    Withheld => "not shown (with the figures beside it, it would reveal fewer than 5)";
    SaveFiguresCsv => "Save the figures (CSV)";
    SavePerResidentCsv => "Save one row per resident, pseudonymous (CSV)";
    StoriesHint => "Only stories whose owner agreed to share them, exactly as they agreed: no name where they chose not to be named. A story disappears from here as soon as consent is withdrawn.";
    NoStories => "No stories may be shared yet.";
    Anonymous => "Shared without a name";
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanian_falls_back_to_english_where_untranslated() {
        assert_eq!(t(Lang::Ro, Msg::SyncNow), "Sincronizează");
        assert_eq!(t(Lang::Ro, Msg::DemoBanner), t(Lang::En, Msg::DemoBanner));
        assert_eq!(t(Lang::En, Msg::Asks), "Could you help me with…?");
    }
}
