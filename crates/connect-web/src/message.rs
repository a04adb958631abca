//! What the page asks the store's worker, and what it answers: plain values,
//! sent as JSON, each call numbered so answers find their caller.

use connect_device::{DeviceError, LockState, Opened, Reply, Request};

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
    },
    /// Check the PIN and open the store.
    Unlock {
        /// The PIN.
        pin: String,
    },
    /// A forgotten PIN: delete the store and its key file from OPFS.
    Forget,
    /// Change the PIN.
    ChangePin {
        /// The PIN now.
        old: String,
        /// The new one.
        new: String,
    },
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
    /// For create and unlock: the open store, and whether it was open
    /// already (so the page hands back the same screens' backend).
    Opened {
        /// What the screens know at once.
        opened: Opened,
        /// Whether the store was already open in the worker.
        was_open: bool,
    },
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
    use super::*;

    #[test]
    fn calls_and_answers_read_back_as_sent() {
        let calls = [
            WorkerCall::HasStore,
            WorkerCall::Create { name: "Amara".into(), pin: "246810".into(), demo: true },
            WorkerCall::Unlock { pin: "246810".into() },
            WorkerCall::ChangePin { old: "246810".into(), new: "135791".into() },
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
