"""The runtime verifier: run each rule's bad / fixed fixture programs on TensorFlow and confirm that
the symptom the rule warns about appears in the bad run and not in the fixed one.

Only `worker` imports TensorFlow, and only inside its own subprocess; the rest of regr-lint never
needs it."""
