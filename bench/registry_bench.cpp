// Register throughput and latency: batch receive, list, Thai search at N letters.
//   registry_bench [--benchmark_filter=...]   (REGISTRY_BENCH_N letters, default 100000;
//   REGISTRY_BENCH_DB to reuse a register built before; a postgresql:// URL is only read, never filled)
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/environment.h"
#include "registry/registry.h"
#include "registry/sql_store.h"

namespace {

using namespace saraban;
using namespace saraban::registry;

const std::vector<std::string> kSchools = {
    "โรงเรียนบ้านหนองบัว", "โรงเรียนวัดป่าตาล", "โรงเรียนอนุบาลเชียงใหม่", "โรงเรียนบ้านแม่ริม",
    "โรงเรียนชุมชนบ้านสันทราย", "โรงเรียนบ้านดอนแก้ว", "โรงเรียนวัดศรีโสดา", "โรงเรียนบ้านโป่งน้อย"};
const std::vector<std::string> kTemplates = {
    "ขอรายงานผลการใช้จ่ายงบประมาณประจำปี", "ขอเชิญประชุมคณะกรรมการสถานศึกษาขั้นพื้นฐาน",
    "ขอส่งแผนปฏิบัติการประจำปีงบประมาณ", "ขออนุมัติโครงการพัฒนาคุณภาพผู้เรียน",
    "รายงานผลการดำเนินงานโครงการอาหารกลางวัน", "ขอความอนุเคราะห์ข้อมูลนักเรียนพิการเรียนร่วม",
    "แจ้งการจัดสรรงบประมาณค่าจัดการเรียนการสอน", "ขอเชิญเข้าร่วมอบรมเชิงปฏิบัติการครูภาษาอังกฤษ",
    "ขอส่งรายงานการประเมินตนเองของสถานศึกษา", "ขออนุญาตไปราชการต่างจังหวัด",
    "ขอเบิกเงินค่าตอบแทนครูอัตราจ้าง", "รายงานการติดตามผลโครงการโรงเรียนคุณธรรม"};

std::string subject(std::size_t i) {
  return kTemplates[i % kTemplates.size()] + " " + kSchools[(i / kTemplates.size()) % kSchools.size()] + " ครั้งที่ " +
         std::to_string(i % 97 + 1);
}

std::vector<ReceiveRequest> letters(std::size_t n, std::size_t offset) {
  std::vector<ReceiveRequest> rs(n);
  for (std::size_t i = 0; i < n; ++i) {
    rs[i].sender = kSchools[(offset + i) % kSchools.size()];
    rs[i].subject = subject(offset + i);
    rs[i].ref = "ศธ ๐๔๐๔๗.๑๒๓/" + std::to_string(offset + i + 1);
  }
  return rs;
}

struct Register {
  std::unique_ptr<SqlRegisterStore> store;
  std::unique_ptr<Registry> reg;
  User clerk;
};

Register open_register(const std::string& path, bool fresh) {
  Register r;
  if (fresh) {
    std::filesystem::remove(path);
    std::filesystem::remove(path + "-wal");
    std::filesystem::remove(path + "-shm");
    r.store = SqlRegisterStore::create(path, system_environment());
    r.reg = std::make_unique<Registry>(*r.store, system_environment());
    r.reg->add_user(r.reg->acting_user("admin"), "clerk", Role::Clerk, Secrecy::None);
  } else {
    r.store = SqlRegisterStore::open(path, system_environment());
    r.reg = std::make_unique<Registry>(*r.store, system_environment());
  }
  r.clerk = r.reg->acting_user("clerk");
  return r;
}

std::size_t letters_n() {
  const char* n = std::getenv("REGISTRY_BENCH_N");
  return n ? static_cast<std::size_t>(std::atoll(n)) : 100000;
}

// The N-letter register shared by list and search, built once (in batches of 1000).
Register& big_register() {
  static Register r = [] {
    const char* env = std::getenv("REGISTRY_BENCH_DB");
    std::string path = env ? env : "/tmp/saraban-bench-" + std::to_string(letters_n()) + ".db";
    // A PostgreSQL register (bench/registry_store_bench.sh) is filled by the script beforehand:
    // the bench only reads it, and never creates or empties a database.
    if (is_postgres_url(path)) {
      Register x;
      x.store = SqlRegisterStore::open_postgres(path, system_environment());
      x.reg = std::make_unique<Registry>(*x.store, system_environment());
      x.clerk = x.reg->acting_user("clerk");
      return x;
    }
    if (std::filesystem::exists(path)) {
      Register x = open_register(path, false);
      if (x.reg->list(x.clerk, EntryFilter{.limit = 1}).size() == 1) return x;
    }
    Register x = open_register(path, true);
    for (std::size_t done = 0; done < letters_n(); done += 1000)
      x.reg->receive_batch(x.clerk, letters(std::min<std::size_t>(1000, letters_n() - done), done));
    return x;
  }();
  return r;
}

void BM_BatchReceive(benchmark::State& state) {
  const auto batch = static_cast<std::size_t>(state.range(0));
  Register r = open_register("/tmp/saraban-bench-batch.db", true);
  std::size_t offset = 0;
  for (auto _ : state) {
    r.reg->receive_batch(r.clerk, letters(batch, offset));
    offset += batch;
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(offset));
  state.counters["letters_per_s"] = benchmark::Counter(static_cast<double>(offset), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_BatchReceive)->Arg(1000)->Unit(benchmark::kMillisecond)->Iterations(20);

void BM_SingleReceive(benchmark::State& state) {
  Register r = open_register("/tmp/saraban-bench-single.db", true);
  std::size_t i = 0;
  for (auto _ : state) r.reg->receive(r.clerk, letters(1, i++).front());
  state.counters["letters_per_s"] = benchmark::Counter(static_cast<double>(i), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_SingleReceive)->Unit(benchmark::kMicrosecond)->Iterations(500);

double p95(const std::vector<double>& v) {
  std::vector<double> s = v;
  std::sort(s.begin(), s.end());
  return s.empty() ? 0 : s[static_cast<std::size_t>(0.95 * static_cast<double>(s.size() - 1))];
}

const std::vector<std::string> kQueries = {"งบประมาณ", "ขอเชิญประชุม", "โครงการ", "หนองบัว", "อาหารกลางวัน",
                                           "ภาษาอังกฤษ", "ค่าตอบแทน", "คุณธรรม", "ประเมินตนเอง", "ไปราชการ"};

// One search per repetition, so median and p95 are over single searches (50 newest hits).
void BM_Search(benchmark::State& state) {
  Register& r = big_register();
  static std::size_t q = 0;
  for (auto _ : state) {
    auto found = r.reg->search(r.clerk, kQueries[q++ % kQueries.size()], EntryFilter{.limit = 50});
    benchmark::DoNotOptimize(found);
  }
}
BENCHMARK(BM_Search)->Iterations(1)->Repetitions(200)->ReportAggregatesOnly(true)->ComputeStatistics("p95", p95)
    ->Unit(benchmark::kMillisecond);

void BM_SearchWithFilters(benchmark::State& state) {
  Register& r = big_register();
  static std::size_t q = 0;
  for (auto _ : state) {
    auto found = r.reg->search(r.clerk, kQueries[q++ % kQueries.size()],
                               EntryFilter{.register_code = "receive", .year = 2569, .number_from = 20000,
                                           .number_to = 60000, .sender = "หนองบัว", .limit = 50});
    benchmark::DoNotOptimize(found);
  }
}
BENCHMARK(BM_SearchWithFilters)->Iterations(1)->Repetitions(100)->ReportAggregatesOnly(true)
    ->ComputeStatistics("p95", p95)->Unit(benchmark::kMillisecond);

// A page of the register (100 rows from a number onwards) and the count of the whole year.
void BM_ListPage(benchmark::State& state) {
  Register& r = big_register();
  std::int64_t from = 1;
  for (auto _ : state) {
    std::int64_t total = 0;
    auto page = r.reg->list(r.clerk, EntryFilter{.register_code = "receive", .year = 2569, .number_from = from, .limit = 100}, &total);
    benchmark::DoNotOptimize(page);
    from = (from + 7919) % static_cast<std::int64_t>(letters_n());
  }
}
BENCHMARK(BM_ListPage)->Iterations(1)->Repetitions(100)->ReportAggregatesOnly(true)->ComputeStatistics("p95", p95)
    ->Unit(benchmark::kMillisecond);

void BM_ListWholeYear(benchmark::State& state) {
  Register& r = big_register();
  for (auto _ : state) {
    auto all = r.reg->list(r.clerk, EntryFilter{.register_code = "receive"});
    benchmark::DoNotOptimize(all);
  }
}
BENCHMARK(BM_ListWholeYear)->Iterations(3)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
