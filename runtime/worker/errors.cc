#include "runtime/worker/errors.h"

#include <algorithm>

#include "runtime/worker/worker.h"

namespace islet::runtime {

std::string ToUtf8(v8::Isolate* isolate, v8::Local<v8::Value> value) {
  v8::String::Utf8Value utf8(isolate, value);
  return *utf8 != nullptr ? std::string(*utf8, utf8.length()) : std::string();
}

namespace {

std::string StackOf(v8::Isolate* isolate, v8::Local<v8::Context> context,
                    v8::Local<v8::Value> error) {
  if (!error->IsObject()) return {};
  v8::TryCatch try_catch(isolate);
  v8::Local<v8::Value> stack;
  if (!error.As<v8::Object>()
           ->Get(context, v8::String::NewFromUtf8Literal(isolate, "stack"))
           .ToLocal(&stack) ||
      !stack->IsString()) {
    return {};
  }
  return ToUtf8(isolate, stack);
}

std::string Header(v8::Isolate* isolate, v8::Local<v8::Context> context,
                   v8::Local<v8::Message> message) {
  if (message.IsEmpty()) return {};
  std::string file = ToUtf8(isolate, message->GetScriptResourceName());
  int line = message->GetLineNumber(context).FromMaybe(0);
  if (file.empty() || line <= 0) return {};
  std::string header = file + ":" + std::to_string(line) + "\n";
  v8::Local<v8::String> source_line;
  if (message->GetSourceLine(context).ToLocal(&source_line)) {
    std::string text = ToUtf8(isolate, source_line);
    int start = std::max(0, message->GetStartColumn(context).FromMaybe(0));
    int end = std::max(start + 1, message->GetEndColumn(context).FromMaybe(start + 1));
    // Node underlines V8's start..end column range: one caret for a throw.
    header += text + "\n" + std::string(start, ' ') + std::string(end - start, '^') + "\n";
  }
  return header;
}

}  // namespace

FatalReport ReportFatal(Worker* worker, v8::Local<v8::Context> context, v8::Local<v8::Value> error,
                        v8::Local<v8::Message> message) {
  v8::Isolate* isolate = context->GetIsolate();
  FatalReport report;
  {
    v8::TryCatch try_catch(isolate);
    report.message = ToUtf8(isolate, error);
  }
  report.stack = StackOf(isolate, context, error);

  std::string described;
  {
    v8::TryCatch try_catch(isolate);
    v8::Local<v8::Value> result;
    v8::Local<v8::Value> args[] = {error};
    if (worker->CallHook(context, Worker::Hook::kDescribeError, 1, args).ToLocal(&result)) {
      described = ToUtf8(isolate, result);
    } else {
      described = report.stack.empty() ? report.message : report.stack;
    }
  }
  std::string header = Header(isolate, context, message);
  report.text = header.empty() ? described + "\n" : header + "\n" + described + "\n";
  report.header = std::move(header);
  return report;
}

std::string DescribeException(v8::Isolate* isolate, v8::TryCatch& try_catch) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::string text = ToUtf8(isolate, try_catch.Exception());
  std::string stack = StackOf(isolate, context, try_catch.Exception());
  std::string header = Header(isolate, context, try_catch.Message());
  return header + (stack.empty() ? text : stack);
}

}  // namespace islet::runtime
