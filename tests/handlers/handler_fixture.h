// A Store + ServiceConfig + Metrics + ServiceContext for calling kg::Handle
// without sockets.
#pragma once

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <string>

#include "core/message.h"
#include "handlers/context.h"
#include "handlers/router.h"

namespace kg::testing {

class HandlerTest : public ::testing::Test {
 protected:
  HandlerTest() : ctx_{store_, config_, metrics_} {
    config_.public_base = "http://kg.test";
  }

  Response Call(const std::string& method, const std::string& target, Headers headers = {},
                const std::string& body = {}) {
    Request r;
    r.method = method;
    r.target = target;
    r.headers = std::move(headers);
    r.body = body;
    return Handle(r, ctx_);
  }

  static rapidjson::Document Json(const std::string& body) {
    rapidjson::Document d;
    d.Parse(body.c_str(), body.size());
    EXPECT_FALSE(d.HasParseError()) << body;
    return d;
  }

  Store store_;
  ServiceConfig config_;
  Metrics metrics_;
  ServiceContext ctx_;
};

}  // namespace kg::testing
