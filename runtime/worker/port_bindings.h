#pragma once

#include <v8.h>

namespace islet::runtime {

class Worker;

// The MessagePort constructor template for one isolate: instances carry the
// port id in an internal field, which makes them host objects to V8's
// serializer. Constructing one from JS throws ERR_CONSTRUCT_CALL_INVALID, as in Node.
v8::Local<v8::FunctionTemplate> NewPortTemplate(v8::Isolate* isolate);

}  // namespace islet::runtime
