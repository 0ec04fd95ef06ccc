"""What every app may depend on, and nothing domain-specific: the content version that public
caches key on (and the signals that bump it), cached and rate-limited reads, and the admin's
read-only screens for records that come from the public. `core` imports no other app of the
project at import time."""
