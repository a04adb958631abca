//! This device's identity: who uses it and which Automerge actor it writes
//! as. The type lives in the model so the screens can name it without a store.

pub use connect_model::device::DeviceIdentity;
