//! What the page asks the store's worker, and what it answers: plain values,
//! sent as JSON, each call numbered so answers find their caller. The page
//! asks the phone's authenticator for the fingerprint's secret itself and
//! sends the worker only the 32 bytes it gave, to combine with the PIN.

use connect_device::{DeviceError, LockState, NewFingerprint, Opened, Reply, Request, Unlocking};

/// One question for the worker.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum WorkerCall {
    /// Whether this browser holds a store yet.
    HasStore,
    /// Wrong PINs so far.
    LockState,
    /// First run: make the encrypted store.
    Create {
        /// The supporter's name.
        name: String,
        /// The PIN, typed twice on the page.
        pin: String,
        /// Fill it with the fictional demo caseload (offered only with `?demo`).
        #[serde(default)]
        demo: bool,
        /// The fingerprint the page just registered, if the person chose it.
        #[serde(default)]
        fingerprint: Option<NewFingerprint>,
    },
    /// Whether a new PIN meets the rule (asked before the phone is asked
    /// for a fingerprint, so a refused PIN costs no fingerprint).
    CheckPin(String),
    /// Check the PIN (and the fingerprint's secret) and open the store.
    Unlock(Unlocking),
    /// Lock: close the store and forget its key.
    Lock,
    /// Erase this phone: delete the store and its key file from OPFS.
    Forget,
    /// Change the PIN.
    ChangePin {
        /// What opens the store now (the PIN, and the fingerprint's secret where it is on).
        old: Unlocking,
        /// The new PIN.
        new: String,
    },
    /// Turn the fingerprint on (or change whether the PIN is asked too), or off.
    SetFingerprint {
        /// What opens the store now.
        current: Unlocking,
        /// The fingerprint from now on; `None`: the PIN alone.
        new: Option<NewFingerprint>,
    },
    /// Erase the phone after this many wrong PINs in a row (`None`: never).
    SetEraseAfter(Option<u32>),
    /// A screen's call on the open store.
    Call(Request),
}

/// The worker's answer to a [`WorkerCall`].
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum WorkerAnswer {
    /// For [`WorkerCall::HasStore`].
    HasStore(bool),
    /// For [`WorkerCall::LockState`].
    LockState(LockState),
    /// For create and unlock: what the screens know at once.
    Opened(Opened),
    /// Done, nothing to say.
    Done,
    /// For [`WorkerCall::Call`].
    Reply(Reply),
}

/// A numbered call, page to worker.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Envelope {
    /// Which call.
    pub id: u64,
    /// The question.
    pub call: WorkerCall,
}

/// A numbered answer, worker to page.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Answer {
    /// The call it answers.
    pub id: u64,
    /// The answer, or why there is none.
    pub answer: Result<WorkerAnswer, DeviceError>,
}

impl Answer {
    /// The worker cannot serve at all (its files would not open): every
    /// call, waiting or later, fails with `why`, in the person's words.
    #[must_use]
    pub fn broken(why: String) -> Self {
        Self { id: 0, answer: Err(DeviceError::Store(why)) }
    }

    /// An answer to a message that could not be read at all: the worker has
    /// no id to answer, so it answers id 0, which no call uses.
    #[must_use]
    pub fn unreadable(why: &str) -> Self {
        Self {
            id: 0,
            answer: Err(DeviceError::Store(format!("The app sent a message the store could not read: {why}."))),
        }
    }
}

/// Reads a call; a message that is not one is an error in words, never a panic.
pub fn read_call(text: &str) -> Result<Envelope, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use connect_device::api::lock::FingerprintSecret;

    use super::*;

    #[test]
    fn calls_and_answers_read_back_as_sent() {
        let calls = [
            WorkerCall::HasStore,
            WorkerCall::Create { name: "Amara".into(), pin: "507193".into(), demo: true, fingerprint: None },
            WorkerCall::Unlock(Unlocking::pin("507193")),
            WorkerCall::Unlock(Unlocking { pin: None, fingerprint: Some(FingerprintSecret(vec![7; 32])) }),
            WorkerCall::ChangePin { old: Unlocking::pin("507193"), new: "731946".into() },
            WorkerCall::SetFingerprint {
                current: Unlocking::pin("507193"),
                new: Some(NewFingerprint {
                    credential_id: vec![1, 2],
                    prf_salt: vec![3; 32],
                    secret: FingerprintSecret(vec![4; 32]),
                    pin_too: true,
                }),
            },
            WorkerCall::SetEraseAfter(Some(10)),
            WorkerCall::CheckPin("123456".into()),
            WorkerCall::Lock,
            WorkerCall::Forget,
            WorkerCall::Call(Request::Caseload),
            WorkerCall::Call(Request::CreateResident("Doreen".into())),
        ];
        for (id, call) in calls.into_iter().enumerate() {
            let sent = Envelope { id: id as u64 + 1, call };
            assert_eq!(read_call(&serde_json::to_string(&sent).unwrap()).unwrap(), sent);
        }
        let answer = Answer { id: 7, answer: Err(DeviceError::Refused("Wrong PIN.".into())) };
        let text = serde_json::to_string(&answer).unwrap();
        assert_eq!(serde_json::from_str::<Answer>(&text).unwrap(), answer);
    }

    #[test]
    fn a_message_that_is_not_a_call_is_refused_in_words() {
        for bad in ["", "null", "{\"id\":1}", "{\"id\":-1,\"call\":\"HasStore\"}", "\u{0}"] {
            assert!(read_call(bad).is_err(), "{bad:?}");
        }
        assert_eq!(Answer::unreadable("x").id, 0);
    }
}
