//! Typed desired and live models, and `normalize`: the one place that knows server defaults,
//! server-managed keys, set-like lists and base64.
