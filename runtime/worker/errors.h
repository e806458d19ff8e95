#pragma once

#include <v8.h>

#include <string>

namespace islet::runtime {

class Worker;

struct FatalReport {
  std::string text;     // what goes to stderr, Node's layout
  std::string message;  // String(error)
  std::string stack;    // error.stack, if any
  std::string header;   // "file:line", the source line and the caret, if known
};

// Formats an uncaught error as Node does: "file:line", the source line, a
// caret under the location, then the error through util.inspect. Requires
// the isolate lock and `context` entered.
FatalReport ReportFatal(Worker* worker, v8::Local<v8::Context> context, v8::Local<v8::Value> error,
                        v8::Local<v8::Message> message);

// "message\nstack" of a caught exception, without calling into JS hooks.
std::string DescribeException(v8::Isolate* isolate, v8::TryCatch& try_catch);

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value);

}  // namespace islet::runtime
