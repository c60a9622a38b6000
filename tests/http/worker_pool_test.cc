// http/worker_pool.h: replicas per worker, writes replayed in order on all.
#include "http/worker_pool.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <future>
#include <mutex>
#include <set>
#include <thread>

namespace kg {
namespace {

Request Req(const std::string& method, const std::string& target, const std::string& body = {},
            const std::string& type = {}) {
  Request r;
  r.method = method;
  r.target = target;
  r.body = body;
  if (!type.empty()) r.headers["Content-Type"] = type;
  r.headers["Authorization"] = "Bearer t";
  r.headers["Accept"] = "application/n-triples";
  return r;
}

std::multiset<std::string> Lines(const std::string& text) {
  std::multiset<std::string> out;
  std::size_t start = 0, nl;
  while ((nl = text.find('\n', start)) != std::string::npos) {
    out.insert(text.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}

class WorkerPoolTest : public ::testing::Test {
 protected:
  WorkerPoolTest() { config_.write_token = "t"; }

  void StartPool(std::size_t workers, std::size_t max_queue = 64, int seed_triples = 0) {
    pool_ = std::make_unique<WorkerPool>(workers, max_queue, config_, metrics_);
    Status st = pool_->Start([this, seed_triples](std::size_t) -> Result<WorkerPool::Replica> {
      WorkerPool::Replica r;
      r.store = std::make_unique<Store>();
      Graph g;
      for (int i = 0; i < seed_triples; ++i)
        g.push_back({Term::Iri("http://x/s" + std::to_string(i)), Term::Iri("http://x/p"),
                     Term::Literal(std::to_string(i))});
      if (auto st = r.store->Add(std::nullopt, g); !st.ok()) return st.error();
      std::lock_guard<std::mutex> lock(mu_);
      built_on_.push_back(std::this_thread::get_id());
      return r;
    });
    ASSERT_TRUE(st.ok());
  }

  Response Call(const Request& r) {
    std::promise<Response> p;
    auto f = p.get_future();
    EXPECT_TRUE(pool_->Submit(std::make_shared<Request>(r), [&p](Response res) {
      p.set_value(std::move(res));
    }));
    return f.get();
  }

  ServiceConfig config_;
  Metrics metrics_;
  std::unique_ptr<WorkerPool> pool_;
  std::mutex mu_;
  std::vector<std::thread::id> built_on_;
};

TEST_F(WorkerPoolTest, EachReplicaIsBuiltOnItsOwnThread) {
  StartPool(3);
  std::set<std::thread::id> ids(built_on_.begin(), built_on_.end());
  EXPECT_EQ(ids.size(), 3u);
  EXPECT_EQ(ids.count(std::this_thread::get_id()), 0u);
}

TEST_F(WorkerPoolTest, EveryWorkerSeesEveryWriteInOrder) {
  StartPool(3);
  for (int i = 0; i < 20; ++i) {
    std::string nt = "<http://x/s> <http://x/p> \"" + std::to_string(i) + "\" .\n";
    Response w = Call(Req(i % 2 ? "POST" : "PUT", "/rdf-graphs?graph=http%3A%2F%2Fx%2Fg", nt,
                          "application/n-triples"));
    ASSERT_LT(w.status, 300) << w.body;
    // Many reads at once land on all workers; each must see exactly the
    // graph as of this write (PUT replaces, POST adds).
    std::vector<std::future<Response>> reads;
    std::vector<std::promise<Response>> promises(9);
    for (auto& p : promises) {
      reads.push_back(p.get_future());
      ASSERT_TRUE(pool_->Submit(std::make_shared<Request>(Req("GET", "/rdf-graphs?graph=http%3A%2F%2Fx%2Fg")),
                                [&p](Response r) { p.set_value(std::move(r)); }));
    }
    std::string expect = i % 2 ? "<http://x/s> <http://x/p> \"" + std::to_string(i - 1) + "\" .\n" +
                                     "<http://x/s> <http://x/p> \"" + std::to_string(i) + "\" .\n"
                               : nt;
    for (auto& f : reads) {
      Response r = f.get();
      ASSERT_EQ(r.status, 200);
      auto got = Lines(r.body), want = Lines(expect);
      EXPECT_EQ(got, want) << "after write " << i << " on worker " << r.headers["X-Kg-Worker"];
    }
  }
}

TEST_F(WorkerPoolTest, AFullQueueRefusesAndStopFinishesWhatWasQueued) {
  config_.query_timeout_seconds = 0.5;
  StartPool(1, 2, 300);
  // 300^3 candidate rows, none passing the FILTER: the only worker is busy
  // until the time limit.
  auto slow = std::make_shared<Request>(Req(
      "GET", "/sparql?query=SELECT+*+%7B%3Fa+%3Fb+%3Fc+.+%3Fd+%3Fe+%3Ff+.+%3Fg+%3Fh+%3Fi+"
             "FILTER(STRLEN(CONCAT(STR(%3Fc)%2CSTR(%3Fi)))+%3C+0)%7D"));
  std::atomic<int> answered{0}, timed_out{0};
  int accepted = 0, refused = 0;
  for (int i = 0; i < 50; ++i) {
    bool ok = pool_->Submit(slow, [&](Response r) {
      ++answered;
      if (r.status == 503) ++timed_out;
    });
    ok ? ++accepted : ++refused;
  }
  EXPECT_LE(accepted, 3);  // one running, at most two waiting
  EXPECT_GE(refused, 47);
  pool_->Stop();
  pool_->Join();
  EXPECT_EQ(answered.load(), accepted);  // every accepted request was answered
  EXPECT_EQ(timed_out.load(), accepted);
  EXPECT_FALSE(pool_->Submit(slow, [](Response) {}));  // stopped: refused
}

}  // namespace
}  // namespace kg
