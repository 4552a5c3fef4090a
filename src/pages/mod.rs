//! One component per route of the URL contract.

pub mod compare;
pub mod entity;
pub mod library;
pub mod message;
pub mod packed;
pub mod read;
