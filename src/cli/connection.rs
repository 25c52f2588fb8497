//! Options shared by every command that talks to WeData (endpoint, region, credentials
//! profile, emulator), and their resolution into an API client configuration.
