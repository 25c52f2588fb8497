//! A local WeData: the same HTTP protocol on 127.0.0.1, validating requests against the
//! embedded official API definition (never against our client types).
