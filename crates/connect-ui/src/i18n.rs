//! Every word the screens show, in [Project Fluent](https://projectfluent.org):
//! one `.ftl` file per language in the workspace's `locales/` folder, which a
//! translator from the community can read and correct without Rust. English
//! (`en.ftl`) is the source; a message missing from another language falls
//! back to English. Messages take their changing parts as placeables
//! (`{ $name }`) and counts through CLDR plural rules (`{ $n -> [one] …
//! *[other] … }`), so no sentence is glued from pieces in one language's
//! word order.
//!
//! A message is a [`Msg`] variant naming its Fluent id, so code cannot ask
//! for a message by a misspelt id; the tests check that every id is in
//! English, that every file parses, that a translation uses only its English
//! message's placeables, and print how much of each language is done
//! (all of the resident-facing messages, [`Msg::RESIDENT_FACING`], in every
//! language shipped).
//!
//! The files are compiled in: nothing is fetched, and no translation service
//! is ever called.

use std::collections::HashMap;
use std::sync::LazyLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

/// A language the app can speak.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// English.
    #[default]
    En,
    /// Română.
    Ro,
    /// বাংলা (Bengali).
    Bn,
    /// Polski.
    Pl,
    /// Lietuvių.
    Lt,
    /// اردو (Urdu), written right to left.
    Ur,
    /// Português.
    Pt,
    /// English made long and accented, to find cut-off text and words not
    /// yet in the catalogue (tests and translators only; the preview and
    /// desktop offer it beside the demo caseload, the web app does not).
    Pseudo,
}

impl Lang {
    /// The languages shipped to residents and supporters, for the picker.
    pub const SHIPPED: [Lang; 7] = [Lang::En, Lang::Ro, Lang::Bn, Lang::Pl, Lang::Lt, Lang::Ur, Lang::Pt];

    /// Every language, the pseudo-locale included.
    pub const ALL: [Lang; 8] = [Lang::En, Lang::Ro, Lang::Bn, Lang::Pl, Lang::Lt, Lang::Ur, Lang::Pt, Lang::Pseudo];

    /// The BCP 47 tag, for `lang` attributes and the settings.
    #[must_use]
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ro => "ro",
            Lang::Bn => "bn",
            Lang::Pl => "pl",
            Lang::Lt => "lt",
            Lang::Ur => "ur",
            Lang::Pt => "pt",
            Lang::Pseudo => "en-XA",
        }
    }

    /// The language's own name, as its speakers write it.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ro => "Română",
            Lang::Bn => "বাংলা",
            Lang::Pl => "Polski",
            Lang::Lt => "Lietuvių",
            Lang::Ur => "اردو",
            Lang::Pt => "Português",
            Lang::Pseudo => "Ƥşḗŭḓǿ (test)",
        }
    }

    /// Whether the language is written right to left.
    #[must_use]
    pub fn right_to_left(self) -> bool {
        self == Lang::Ur
    }

    /// The `dir` attribute for text in this language.
    #[must_use]
    pub fn dir(self) -> &'static str {
        if self.right_to_left() { "rtl" } else { "ltr" }
    }

    /// The language a tag names: `ro`, `ro-RO` and `RO` are Romanian (a
    /// phone's own setting, say); `None` for a language not shipped.
    #[must_use]
    pub fn from_tag(tag: &str) -> Option<Lang> {
        if tag.eq_ignore_ascii_case(Lang::Pseudo.tag()) {
            return Some(Lang::Pseudo);
        }
        let primary = tag.split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::SHIPPED.into_iter().find(|l| l.tag() == primary)
    }

    /// The language's Fluent file.
    #[must_use]
    pub fn source(self) -> &'static str {
        match self {
            Lang::En | Lang::Pseudo => include_str!("../../../locales/en.ftl"),
            Lang::Ro => include_str!("../../../locales/ro.ftl"),
            Lang::Bn => include_str!("../../../locales/bn.ftl"),
            Lang::Pl => include_str!("../../../locales/pl.ftl"),
            Lang::Lt => include_str!("../../../locales/lt.ftl"),
            Lang::Ur => include_str!("../../../locales/ur.ftl"),
            Lang::Pt => include_str!("../../../locales/pt.ftl"),
        }
    }

    /// The file's name in `locales/`.
    #[must_use]
    pub fn file_name(self) -> String {
        let tag = if self == Lang::Pseudo { Lang::En.tag() } else { self.tag() };
        format!("{tag}.ftl")
    }
}

macro_rules! messages {
    (resident { $($r:ident = $rid:literal,)+ } team { $($t:ident = $tid:literal,)+ }) => {
        /// A piece of text on a screen, by its Fluent id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(missing_docs)]
        pub enum Msg { $($r,)+ $($t,)+ }

        impl Msg {
            /// Every message the screens may show.
            pub const ALL: &'static [Msg] = &[$(Msg::$r,)+ $(Msg::$t,)+];
            /// The messages a resident sees (resident mode, their own
            /// phone, check-ins, the story, "everything about me", the lock
            /// screen): every language shipped has all of them.
            pub const RESIDENT_FACING: &'static [Msg] = &[$(Msg::$r,)+];

            /// The message's id in the `.ftl` files.
            #[must_use]
            pub fn id(self) -> &'static str {
                match self { $(Msg::$r => $rid,)+ $(Msg::$t => $tid,)+ }
            }
        }
    };
}

messages! {
    resident {
        DayAtTime = "day-at-time",
        PromiseSentence = "promise-sentence",
        Weekday = "weekday",
        DateDayMonth = "date-day-month",
        DateDayMonthYear = "date-day-month-year",
        DateShort = "date-short",
        InMonth = "in-month",
        SkipToContent = "skip-to-content",
        SavedHere = "saved-here",
        NotSentYet = "not-sent-yet",
        SentToTeam = "sent-to-team",
        LastSent = "last-sent",
        NeverSent = "never-sent",
        SendNow = "send-now",
        SendStatus = "send-status",
        Today = "today",
        Yesterday = "yesterday",
        Tomorrow = "tomorrow",
        OnDay = "on-day",
        InDays = "in-days",
        Sending = "sending",
        SendFailed = "send-failed",
        SendDone = "send-done",
        NextSend = "next-send",
        NextTry = "next-try",
        OfflineWaits = "offline-waits",
        SendWillRetry = "send-will-retry",
        SentOnceJoined = "sent-once-joined",
        JoinTeamToSend = "join-team-to-send",
        Add = "add",
        Never = "never",
        OnlyHere = "only-here",
        Waiting = "waiting",
        OnRelay = "on-relay",
        TabPage = "tab-page",
        TabCircle = "tab-circle",
        TabJournal = "tab-journal",
        AboutMe = "about-me",
        Offers = "offers",
        Asks = "asks",
        Goals = "goals",
        InTheirWords = "in-their-words",
        InMyWords = "in-my-words",
        WrittenDownBySupporter = "written-down-by-supporter",
        WrittenDownByTeam = "written-down-by-team",
        AddedBy = "added-by",
        NewOffer = "new-offer",
        NewAsk = "new-ask",
        NewGoal = "new-goal",
        Category = "category",
        Save = "save",
        Cancel = "cancel",
        EditItem = "edit-item",
        Hide = "hide",
        Undo = "undo",
        HiddenNotice = "hidden-notice",
        Status = "status",
        StatusOpen = "status-open",
        StatusInProgress = "status-in-progress",
        StatusMet = "status-met",
        StatusNotNow = "status-not-now",
        CatPractical = "cat-practical",
        CatCaring = "cat-caring",
        CatCompany = "cat-company",
        CatCreative = "cat-creative",
        CatKnowledge = "cat-knowledge",
        CatOther = "cat-other",
        RingIntimacy = "ring-intimacy",
        RingFriendship = "ring-friendship",
        RingParticipation = "ring-participation",
        RingExchange = "ring-exchange",
        RingPossibility = "ring-possibility",
        CircleListHeading = "circle-list-heading",
        Ring = "ring",
        TwoWay = "two-way",
        Both = "both",
        NotToday = "not-today",
        NoteForResident = "note-for-resident",
        NotTodayDidNotWant = "not-today-did-not-want",
        NotTodayCouldNotGo = "not-today-could-not-go",
        NotTodayWereOut = "not-today-were-out",
        NoVisitSaved = "no-visit-saved",
        NotesFromVisits = "notes-from-visits",
        Shared = "shared",
        MyPage = "my-page",
        MoreAboutThisPhone = "more-about-this-phone",
        IOffer = "ioffer",
        IAsk = "iask",
        HideThis = "hide-this",
        NotNow = "not-now",
        GiveBack = "give-back",
        ResidentModeHint = "resident-mode-hint",
        Settings = "settings",
        Language = "language",
        Done = "done",
        ErrorPrefix = "error-prefix",
        Lock = "lock",
        LockedHeading = "locked-heading",
        LockedHint = "locked-hint",
        Pin = "pin",
        Unlock = "unlock",
        Unlocking = "unlocking",
        Loading = "loading",
        TabRecord = "tab-record",
        TabCheckins = "tab-checkins",
        TabStory = "tab-story",
        CircleChanged = "circle-changed",
        OrPickADate = "or-pick-adate",
        Now = "now",
        VisitOn = "visit-on",
        InCircle = "in-circle",
        TwoWayTies = "two-way-ties",
        NewSinceVisit = "new-since-visit",
        NothingNew = "nothing-new",
        StartCheckin = "start-checkin",
        StartShortCheckin = "start-short-checkin",
        AllQuestions = "all-questions",
        ChangeLastAnswer = "change-last-answer",
        LifeMapQuestion = "life-map-question",
        RagHard = "rag-hard",
        RagWorries = "rag-worries",
        RagWell = "rag-well",
        YouLonely = "you-lonely",
        YouSatisfied = "you-satisfied",
        YouWorthwhile = "you-worthwhile",
        YouHappy = "you-happy",
        YouAnxious = "you-anxious",
        KindBetter = "kind-better",
        KindSame = "kind-same",
        KindWorse = "kind-worse",
        NoCheckinsYet = "no-checkins-yet",
        OnlyOneCheckin = "only-one-checkin",
        NothingToCompare = "nothing-to-compare",
        HowHaveThingsChanged = "how-have-things-changed",
        ThankYou = "thank-you",
        CheckinIntroCount = "checkin-intro-count",
        CheckinIntro = "checkin-intro",
        Skip = "skip",
        NotTodayThanks = "not-today-thanks",
        StopHere = "stop-here",
        ConsentQuestion = "consent-question",
        YesCount = "yes-count",
        NoCount = "no-count",
        CheckinSaved = "checkin-saved",
        NotTodaySaved = "not-today-saved",
        MyTrend = "my-trend",
        StoryHeading = "story-heading",
        StoryHint = "story-hint",
        ConsentHeading = "consent-heading",
        ConsentNow = "consent-now",
        ConsentConfirmAnonymous = "consent-confirm-anonymous",
        ConsentConfirmNamed = "consent-confirm-named",
        ConsentConfirmTeam = "consent-confirm-team",
        ConsentYes = "consent-yes",
        ConsentNo = "consent-no",
        ConsentPrivate = "consent-private",
        ConsentTeam = "consent-team",
        ConsentAnonymous = "consent-anonymous",
        ConsentNamed = "consent-named",
        ConsentHistory = "consent-history",
        SaveStory = "save-story",
        ChangedBy = "changed-by",
        Introductions = "introductions",
        IntroAsk = "intro-ask",
        IntroOffer = "intro-offer",
        IntroWhy = "intro-why",
        IntroYes = "intro-yes",
        IntroNo = "intro-no",
        IntroSaidYes = "intro-said-yes",
        IntroSaidNo = "intro-said-no",
        GiveBackTo = "give-back-to",
        OnlyTheyUnlock = "only-they-unlock",
        WhatWeSaid = "what-we-said",
        WhenDue = "when-due",
        WasDue = "was-due",
        NoRush = "no-rush",
        PromiseOpen = "promise-open",
        PromiseDone = "promise-done",
        PromiseNotNow = "promise-not-now",
        PromiseNoLonger = "promise-no-longer",
        MarkNoLonger = "mark-no-longer",
        StillToDo = "still-to-do",
        PromiseMarked = "promise-marked",
        NothingPromised = "nothing-promised",
        EarlierPromises = "earlier-promises",
        IWillDo = "iwill-do",
        PromiseWhat = "promise-what",
        SavePromise = "save-promise",
        PromiseSavedChanges = "promise-saved-changes",
        NextVisit = "next-visit",
        NoNextVisit = "no-next-visit",
        WhenICall = "when-icall",
        ICall = "icall",
        NotThenAnotherDay = "not-then-another-day",
        MovedAtMyWish = "moved-at-my-wish",
        NextVisitSaved = "next-visit-saved",
        WaitSeconds = "wait-seconds",
        WaitMinutes = "wait-minutes",
        MyPageNamed = "my-page-named",
        AppName = "app-name",
        EraseAfterWarning = "erase-after-warning",
        EraseThisPhone = "erase-this-phone",
        EraseWord = "erase-word",
        FingerprintThenPin = "fingerprint-then-pin",
        ForgotPin = "forgot-pin",
        ForgotPinExplain = "forgot-pin-explain",
        ForgotPinLoss = "forgot-pin-loss",
        LockedHeadingNoPin = "locked-heading-no-pin",
        TheirPin = "their-pin",
        TryAgainIn = "try-again-in",
        TypeErase = "type-erase",
        UnlockFingerprint = "unlock-fingerprint",
        UnsentNone = "unsent-none",
        UnsentSome = "unsent-some",
        UseLetters = "use-letters",
        UseNumberPad = "use-number-pad",
        WaitCountsHere = "wait-counts-here",
        WrongPinsSoFar = "wrong-pins-so-far",
        CountsInFigures = "counts-in-figures",
        KeptPrivate = "kept-private",
        LetItCount = "let-it-count",
        StopCounting = "stop-counting",
        PastCheckins = "past-checkins",
        ChangePin = "change-pin",
        CurrentPin = "current-pin",
        NewPin = "new-pin",
        PinAgain = "pin-again",
        PinChanged = "pin-changed",
        PinRule = "pin-rule",
        PinsDiffer = "pins-differ",
        StoreEncrypted = "store-encrypted",
        EverythingAboutMe = "everything-about-me",
        ThisPhone = "this-phone",
        LockHeading = "lock-heading",
        OwnLockHint = "own-lock-hint",
        OwnPageOnItsWay = "own-page-on-its-way",
        OwnCopyHeading = "own-copy-heading",
        OwnCopyHint = "own-copy-hint",
        PrepareCopy = "prepare-copy",
        Preparing = "preparing",
        ReadCopy = "read-copy",
        ReadCopyTitle = "read-copy-title",
        SaveData = "save-data",
        SaveReadable = "save-readable",
        StorageKept = "storage-kept",
        StorageMayBeCleared = "storage-may-be-cleared",
        StorageTitle = "storage-title",
        StorageUsed = "storage-used",
        NoNotes = "no-notes",
        NoTies = "no-ties",
        CircleMapLabel = "circle-map-label",
        QuestionOf = "question-of",
        PromiseWhen = "promise-when",
        WhenDay = "when-day",
        WhenNoRush = "when-no-rush",
        WhenNotSaid = "when-not-said",
        WhenThisWeek = "when-this-week",
        PromiseDay = "promise-day",
        Declined = "declined",
        MarkMet = "mark-met",
        DemoBanner = "demo-banner",
        VisitDay = "visit-day",
        SaveDay = "save-day",
        CheckinAskedInEnglish = "checkin-asked-in-english",
    }
    team {
        AutoSync = "auto-sync",
        AutoSyncHint = "auto-sync-hint",
        AutoSyncOff = "auto-sync-off",
        AutoSyncEvery = "auto-sync-every",
        Caseload = "caseload",
        SearchLabel = "search-label",
        SortBy = "sort-by",
        SortName = "sort-name",
        SortLastVisit = "sort-last-visit",
        AddResident = "add-resident",
        PreferredName = "preferred-name",
        AddedByMistake = "added-by-mistake",
        AddedByMistakeHint = "added-by-mistake-hint",
        RemoveFromPhone = "remove-from-phone",
        RemoveThem = "remove-them",
        KeepThem = "keep-them",
        RemovedMistake = "removed-mistake",
        SameNameAlready = "same-name-already",
        OpenThem = "open-them",
        AddAnotherSameName = "add-another-same-name",
        OffersCount = "offers-count",
        AsksOpenCount = "asks-open-count",
        CircleCount = "circle-count",
        LastVisit = "last-visit",
        NoResidents = "no-residents",
        NothingFound = "nothing-found",
        Back = "back",
        HandToResident = "hand-to-resident",
        AddTie = "add-tie",
        TieName = "tie-name",
        Relationship = "relationship",
        IsPlace = "is-place",
        MoveTo = "move-to",
        AddNote = "add-note",
        NoteText = "note-text",
        TeamOnly = "team-only",
        WhoSeesNote = "who-sees-note",
        TheySaidThis = "they-said-this",
        NoteForTeam = "note-for-team",
        ChooseWhoSees = "choose-who-sees",
        NotTodayWhy = "not-today-why",
        NoteRemoved = "note-removed",
        RemoveNote = "remove-note",
        SaveNote = "save-note",
        TeamNotes = "team-notes",
        MoodLabel = "mood-label",
        MoodNone = "mood-none",
        MoodGood = "mood-good",
        MoodOkay = "mood-okay",
        MoodLow = "mood-low",
        DeviceName = "device-name",
        DeviceId = "device-id",
        RelayAddress = "relay-address",
        InviteCode = "invite-code",
        ScanInvite = "scan-invite",
        StopScanning = "stop-scanning",
        CameraPicture = "camera-picture",
        PointAtInvite = "point-at-invite",
        NotAnInvite = "not-an-invite",
        InviteRead = "invite-read",
        Connect = "connect",
        Connected = "connected",
        CreateInvite = "create-invite",
        InviteRole = "invite-role",
        RoleSupporter = "role-supporter",
        RoleCoordinator = "role-coordinator",
        RoleResident = "role-resident",
        InviteReady = "invite-ready",
        Expires = "expires",
        TryAgainAfter = "try-again-after",
        AppIntro = "app-intro",
        SetUpHeading = "set-up-heading",
        SetUpHint = "set-up-hint",
        YourName = "your-name",
        ChoosePin = "choose-pin",
        SetUp = "set-up",
        DemoOffer = "demo-offer",
        WipedHeading = "wiped-heading",
        WipedExplain = "wiped-explain",
        WipedNext = "wiped-next",
        SetUpAgain = "set-up-again",
        CopyHeading = "copy-heading",
        CopyHint = "copy-hint",
        HistoryHeading = "history-heading",
        ShowHistory = "show-history",
        HistoryOnlyHere = "history-only-here",
        HistoryReached = "history-reached",
        HistoryUnknown = "history-unknown",
        HistoryRelayProblem = "history-relay-problem",
        EraseHeading = "erase-heading",
        EraseExplain = "erase-explain",
        EraseConfirmLabel = "erase-confirm-label",
        EraseButton = "erase-button",
        Erased = "erased",
        CircleAt = "circle-at",
        NoVisitsYet = "no-visits-yet",
        CircleTrendLabel = "circle-trend-label",
        MeasureLonely = "measure-lonely",
        MeasureUcla = "measure-ucla",
        MeasureSatisfied = "measure-satisfied",
        MeasureWorthwhile = "measure-worthwhile",
        MeasureHappy = "measure-happy",
        MeasureAnxious = "measure-anxious",
        ChangeBetter = "change-better",
        ChangeWorse = "change-worse",
        ChangeSame = "change-same",
        ChangeForTeam = "change-for-team",
        ConcernUnsafe = "concern-unsafe",
        ConcernAnxious = "concern-anxious",
        ConcernHeading = "concern-heading",
        ConcernSeen = "concern-seen",
        Answered = "answered",
        UclaChartLabel = "ucla-chart-label",
        LifeChartLabel = "life-chart-label",
        StoryHintTeam = "story-hint-team",
        Team = "team",
        TabMatches = "tab-matches",
        TabPlaces = "tab-places",
        TabInsights = "tab-insights",
        TabStories = "tab-stories",
        MatchesHint = "matches-hint",
        NoMatches = "no-matches",
        MoreOffers = "more-offers",
        SuggestIntro = "suggest-intro",
        IntroSuggested = "intro-suggested",
        IntrosSoFar = "intros-so-far",
        StateWaiting = "state-waiting",
        StateAgreed = "state-agreed",
        StateDeclined = "state-declined",
        Asks_ = "asks-word",
        Offers_ = "offers-word",
        PlacesHint = "places-hint",
        SearchPlaces = "search-places",
        NoPlaces = "no-places",
        NoDirectory = "no-directory",
        AddPlace = "add-place",
        PlaceName = "place-name",
        PlaceIsHelper = "place-is-helper",
        PlaceDescription = "place-description",
        PlaceContact = "place-contact",
        PlaceTags = "place-tags",
        LinkPlace = "link-place",
        LinkedPlaces = "linked-places",
        Unlink = "unlink",
        Link = "link",
        InsightsHint = "insights-hint",
        ResidentsSupported = "residents-supported",
        ResidentsVisited = "residents-visited",
        CircleGrowth = "circle-growth",
        FirstVisit = "first-visit",
        LatestVisit = "latest-visit",
        AsksRaised = "asks-raised",
        AsksMet = "asks-met",
        OffersListed = "offers-listed",
        OffersMade = "offers-made",
        IntrosDeclined = "intros-declined",
        CheckinChange = "checkin-change",
        UclaFirstLatest = "ucla-first-latest",
        LifeFirstLatest = "life-first-latest",
        Improved = "improved",
        FewerThanFive = "fewer-than-five",
        NoAnswersYet = "no-answers-yet",
        Withheld = "withheld",
        SaveFiguresCsv = "save-figures-csv",
        SavePerResidentCsv = "save-per-resident-csv",
        StoriesHint = "stories-hint",
        NoStories = "no-stories",
        Anonymous = "anonymous",
        TabPeople = "tab-people",
        InvitesMoved = "invites-moved",
        InviteName = "invite-name",
        WhichResident = "which-resident",
        ChooseOne = "choose-one",
        ChooseTheResident = "choose-the-resident",
        InviteFor = "invite-for",
        InviteMade = "invite-made",
        InviteQr = "invite-qr",
        StopsWorking = "stops-working",
        InvitesWaiting = "invites-waiting",
        NoInvitesWaiting = "no-invites-waiting",
        EarlierInvites = "earlier-invites",
        InviteUsed = "invite-used",
        InviteExpired = "invite-expired",
        InviteCancelled = "invite-cancelled",
        Made = "made",
        CancelInvite = "cancel-invite",
        InviteCancelledFor = "invite-cancelled-for",
        PeopleOnTeam = "people-on-team",
        TheirPhones = "their-phones",
        OffTheTeam = "off-the-team",
        PhoneRemovedState = "phone-removed-state",
        RemoveThisPhone = "remove-this-phone",
        RemovePhoneWarning = "remove-phone-warning",
        PhoneRemoved = "phone-removed",
        AResident = "aresident",
        AssignTo = "assign-to",
        EndAssignment = "end-assignment",
        Assigned = "assigned",
        AssignmentEnded = "assignment-ended",
        TakeOffTeam = "take-off-team",
        TakeOffTeamWarning = "take-off-team-warning",
        TakenOffTeam = "taken-off-team",
        ResidentRecords = "resident-records",
        ResidentRecordsHint = "resident-records-hint",
        ShortCheckinHeading = "short-checkin-heading",
        ShortCheckinHint = "short-checkin-hint",
        QuestionsPicked = "questions-picked",
        ShortCheckinSaved = "short-checkin-saved",
        RoleNounSupporter = "role-noun-supporter",
        RoleNounCoordinator = "role-noun-coordinator",
        RoleNounResident = "role-noun-resident",
        ErasedHeading = "erased-heading",
        ErasedExplain = "erased-explain",
        ErasedNext = "erased-next",
        FingerprintOffer = "fingerprint-offer",
        FingerprintNotHere = "fingerprint-not-here",
        ProtectionHeading = "protection-heading",
        ProtectedByBoth = "protected-by-both",
        ProtectedByPin = "protected-by-pin",
        FingerprintCanHelp = "fingerprint-can-help",
        TurnOnFingerprint = "turn-on-fingerprint",
        TurnOffFingerprint = "turn-off-fingerprint",
        AskPinToo = "ask-pin-too",
        FingerprintAlone = "fingerprint-alone",
        PinTooOn = "pin-too-on",
        PinTooOff = "pin-too-off",
        TeamDecides = "team-decides",
        PinToConfirm = "pin-to-confirm",
        FingerprintOn = "fingerprint-on",
        FingerprintOff = "fingerprint-off",
        EraseAfterHeading = "erase-after-heading",
        EraseAfterHint = "erase-after-hint",
        EraseAfterIsOn = "erase-after-is-on",
        EraseAfterIsOff = "erase-after-is-off",
        TurnItOn = "turn-it-on",
        TurnItOff = "turn-it-off",
        NewPromise = "new-promise",
        PromiseWhatHint = "promise-what-hint",
        PromiseWho = "promise-who",
        WhoSupporter = "who-supporter",
        WhoResident = "who-resident",
        WhoCircle = "who-circle",
        WhoTeam = "who-team",
        CirclePersonName = "circle-person-name",
        PromiseForAsk = "promise-for-ask",
        NoAsk = "no-ask",
        PromiseTeamOnly = "promise-team-only",
        EditPromise = "edit-promise",
        PromiseSaved = "promise-saved",
        WhenTheyCall = "when-they-call",
        PlanNextVisit = "plan-next-visit",
        ChangeNextVisit = "change-next-visit",
        TheyWillCall = "they-will-call",
        MovedAtTheirWish = "moved-at-their-wish",
        TodayTitle = "today-title",
        ShowAll = "show-all",
        VisitsToday = "visits-today",
        VisitsThisWeek = "visits-this-week",
        PromisesDue = "promises-due",
        PromisesThisWeek = "promises-this-week",
        NotSeenForAWhile = "not-seen-for-awhile",
        NothingToday = "nothing-today",
        TodayHint = "today-hint",
        PlannedFor = "planned-for",
        LastSeen = "last-seen",
        NotSeenSinceJoining = "not-seen-since-joining",
        NotSeenHeading = "not-seen-heading",
        NotSeenHint = "not-seen-hint",
        NotSeenDays = "not-seen-days",
        NotSeenSaved = "not-seen-saved",
        PromiseFigures = "promise-figures",
        PromisesMadeKept = "promises-made-kept",
        BySupporters = "by-supporters",
        ByResidents = "by-residents",
        ByCircles = "by-circles",
        ByTeam = "by-team",
        DaysToKeep = "days-to-keep",
        AsksMetAfterPromise = "asks-met-after-promise",
        MainNav = "main-nav",
        CheckinsAskedIn = "checkins-asked-in",
    }
}

/// Every language's bundle, made once.
static CATALOGUE: LazyLock<HashMap<Lang, FluentBundle<FluentResource>>> =
    LazyLock::new(|| Lang::ALL.into_iter().map(|lang| (lang, bundle(lang))).collect());

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.tag().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks keep a Latin name the right way round inside Urdu;
    // elsewhere they would only be invisible characters in copied text.
    bundle.set_use_isolating(lang.right_to_left());
    #[cfg(not(target_arch = "wasm32"))]
    if lang == Lang::Pseudo {
        bundle.set_transform(Some(pseudo));
    }
    // A file that fails to parse in places still gives every message it
    // could read (the test suite refuses such a file before it ships).
    let resource = FluentResource::try_new(lang.source().to_owned()).unwrap_or_else(|(partial, _)| partial);
    // Errors here are ids given twice, the first kept: the tests refuse them too.
    let _ = bundle.add_resource(resource);
    bundle
}

/// Accented and 40% longer (vowels doubled, then padded), so text a
/// screen cuts off, and words not in the catalogue, show in tests.
#[cfg(not(target_arch = "wasm32"))]
fn pseudo(text: &str) -> std::borrow::Cow<'_, str> {
    let accented = fluent_pseudo::transform(text, false, true);
    let (before, after) = (text.chars().count(), accented.chars().count());
    let short = (before * 14).div_ceil(10).saturating_sub(after);
    if short == 0 || text.trim().is_empty() {
        return accented;
    }
    std::borrow::Cow::Owned(format!("{accented}{}", "·".repeat(short)))
}

/// One value a message takes: a name, a day in words, a count.
pub type Arg<'a> = (&'a str, FluentValue<'a>);

fn format(lang: Lang, msg: Msg, args: Option<&FluentArgs<'_>>) -> String {
    for lang in [lang, Lang::En] {
        let bundle = &CATALOGUE[&lang];
        if let Some(pattern) = bundle.get_message(msg.id()).and_then(|m| m.value()) {
            let mut errors = Vec::new();
            return bundle.format_pattern(pattern, args, &mut errors).into_owned();
        }
    }
    // Not reached: the tests check English has every id.
    msg.id().to_owned()
}

/// `value` with `digits` decimals, written as `lang` writes numbers:
/// `2.5` in English, `2,5` in Romanian, Polish, Lithuanian and Portuguese.
#[must_use]
pub fn decimal(lang: Lang, value: f64, digits: usize) -> String {
    let text = format!("{value:.digits$}");
    match lang {
        Lang::Ro | Lang::Pl | Lang::Lt | Lang::Pt => text.replace('.', ","),
        Lang::En | Lang::Bn | Lang::Ur | Lang::Pseudo => text,
    }
}

/// A figure as `lang` writes it: whole, or with one decimal ("2,5").
#[must_use]
pub fn number(lang: Lang, value: f64) -> String {
    decimal(lang, value, if value.fract() == 0.0 { 0 } else { 1 })
}

/// The text for `msg` in `lang` (English where `lang` has no translation).
#[must_use]
pub fn t(lang: Lang, msg: Msg) -> String {
    format(lang, msg, None)
}

/// The text for `msg` in `lang`, with its placeables filled from `args`:
/// `tr(lang, Msg::GiveBackTo, &[("name", name.into())])`.
#[must_use]
pub fn tr(lang: Lang, msg: Msg, args: &[Arg<'_>]) -> String {
    let mut fluent = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent.set(*name, value.clone());
    }
    format(lang, msg, Some(&fluent))
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
mod tests;
