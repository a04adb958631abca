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
    SavedHere => "Saved on this phone", ro: "Salvat pe acest telefon";
    ChangesWaiting => "changes waiting to reach the team", ro: "modificări așteaptă să ajungă la echipă";
    ChangeWaiting => "change waiting to reach the team", ro: "modificare așteaptă să ajungă la echipă";
    AllOnRelay => "Everything is safe with the team", ro: "Totul este în siguranță la echipă";
    LastSynced => "Last synced", ro: "Ultima sincronizare";
    NeverSynced => "Not synced yet", ro: "Nesincronizat încă";
    NotConnected => "Only on this phone: not connected to a team relay";
    SyncNow => "Sync now", ro: "Sincronizează";
    Syncing => "Syncing…", ro: "Se sincronizează…";
    SyncFailed => "Sync did not finish. Nothing is lost; try again when you have signal.";
    SyncDone => "Synced.", ro: "Sincronizat.";
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
    TryAgainAfter => "Too many wrong PINs. You can try again after";
    WrongPinsSoFar => "wrong PINs in a row";
    ForgotPin => "Forgot your PIN?";
    ForgotPinExplain => "Your PIN cannot be recovered, and nobody can open this phone's records without it. You can erase this phone and set it up again: what has reached the team is safe on the team relay and comes back when you reconnect.";
    ForgotPinLoss => "Changes that have not reached the team will be lost.";
    EraseThisPhone => "Erase this phone and start again";
    SetUpHeading => "Set up this phone";
    SetUpHint => "Your PIN keeps the residents' information on this phone private. Choose one you will remember: it cannot be recovered. At least 6 characters.";
    YourName => "Your name";
    ChoosePin => "Choose a PIN";
    SetUp => "Set up";
    PinsDiffer => "The two PINs are different. Type them again.";
    WipedHeading => "This phone was removed from the team";
    WipedExplain => "Your coordinator revoked this device, so everything about residents has been deleted from it, with its key.";
    WipedNext => "If this was a mistake, ask your coordinator for a new invite and set the phone up again.";
    SetUpAgain => "Set up this phone again";
    TabRecord => "Their record", ro: "Dosarul meu";
    CopyHeading => "A copy of everything held";
    CopyHint => "A resident may ask for everything held about them. This makes a page they can read and print (hidden items and team-only notes included), and the same as data.";
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
