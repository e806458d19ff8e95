// ThreadSanitizer cannot see inside libnode (V8 is not instrumented): its
// lazy initialisation, lock-free internals and v8::Locker's mutex (locked
// inside libnode, unlocked from inlined code of ours) show up as races and
// mutex misuse in whatever frame of ours called it. Data races in our own
// code stay fully checked.
extern "C" const char* __tsan_default_suppressions() {
  return "called_from_lib:libnode.so.108\n"
         "race:libnode.so.108\n"
         "deadlock:libnode.so.108\n";
}

extern "C" const char* __tsan_default_options() { return "report_mutex_bugs=0"; }
