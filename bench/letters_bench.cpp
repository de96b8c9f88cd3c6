// Letter rendering speed: one long-lived renderer (fonts, shaping caches and templates kept)
// turning the sample external letter into PDF bytes, as a server or a batch would.
#include <benchmark/benchmark.h>

#include <atomic>
#include <fstream>
#include <sstream>

#include "base/environment.h"
#include "documents/letter_batch.h"
#include "documents/letter_json.h"
#include "documents/letter_renderer.h"
#include "pdf/pdf_writer.h"
#include "text/thai_numbers.h"

namespace {

using namespace saraban;

std::string sample_text(const std::string& kind) {
  std::ifstream in(std::string(SARABAN_SOURCE_DIR) + "/samples/letters/" + kind + ".json");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

documents::LetterRenderer& renderer() {
  static documents::LetterRenderer r(system_environment());
  return r;
}

void render_kind(benchmark::State& state, const std::string& kind) {
  const std::string text = sample_text(kind);
  std::size_t bytes = 0;
  for (auto _ : state) {
    documents::Letter l = documents::parse_letter(text, kind, ".", nullptr);
    auto pdf = renderer().render_pdf(l);
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pdf_bytes"] = static_cast<double>(bytes);
  state.counters["letters_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}

void BM_RenderExternal(benchmark::State& s) { render_kind(s, "external"); }
void BM_RenderMemo(benchmark::State& s) { render_kind(s, "memo"); }
void BM_RenderOrder(benchmark::State& s) { render_kind(s, "order"); }
BENCHMARK(BM_RenderExternal)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderMemo)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_RenderOrder)->Unit(benchmark::kMillisecond);

// The figure: 1,000 letters in one process (first letter's font loading included).
void BM_Render1000Letters(benchmark::State& state) {
  const std::string text = sample_text("external");
  for (auto _ : state) {
    documents::LetterRenderer r(system_environment());
    for (int i = 0; i < 1000; ++i) {
      documents::Letter l = documents::parse_letter(text, "external", ".", nullptr);
      auto pdf = r.render_pdf(l);
      benchmark::DoNotOptimize(pdf.data());
    }
  }
}
BENCHMARK(BM_Render1000Letters)->Iterations(1)->Unit(benchmark::kMillisecond);

// A day's dispatch as an office would have it: 1,000 different letters (external letters and
// memos in turn, each with its own number, date, subject and body drawn from a pool of
// paragraphs plus a sentence of its own), so the paragraph cache only helps where real
// letters repeat themselves: the office's address, the closing, the signer.
std::vector<documents::Letter> varied_letters(std::size_t n) {
  const char* subjects[] = {
      "ขอความร่วมมือสำรวจข้อมูลครูและบุคลากรทางการศึกษา", "ขอเชิญประชุมคณะกรรมการติดตามการใช้จ่ายงบประมาณ",
      "แจ้งกำหนดการนิเทศติดตามการจัดการเรียนการสอน", "ขอส่งรายงานผลการดำเนินงานประจำไตรมาส",
      "ขอความอนุเคราะห์บุคลากรเป็นวิทยากร", "แจ้งแนวทางการจัดเก็บหนังสือราชการอิเล็กทรอนิกส์",
      "ขอรับการสนับสนุนงบประมาณซ่อมแซมอาคารเรียน", "ขอเชิญส่งผลงานเข้าร่วมประกวดนวัตกรรมการศึกษา"};
  const char* pool[] = {
      "ด้วยสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๕ ได้รับแจ้งจากสำนักงานคณะกรรมการการศึกษาขั้นพื้นฐานให้ดำเนินการสำรวจข้อมูลพื้นฐานของสถานศึกษาในสังกัด เพื่อใช้ประกอบการวางแผนจัดสรรอัตรากำลังและงบประมาณประจำปี",
      "ในการนี้ จึงขอให้สถานศึกษากรอกข้อมูลตามแบบสำรวจที่แนบมาพร้อมนี้ให้ครบถ้วนและถูกต้อง แล้วส่งกลับทางระบบสารบรรณอิเล็กทรอนิกส์ภายในวันที่กำหนด หากมีข้อสงสัยโปรดติดต่อกลุ่มนโยบายและแผน",
      "ทั้งนี้ สำนักงานได้จัดให้มีการประชุมชี้แจงแนวทางการดำเนินงานแก่ผู้รับผิดชอบของแต่ละโรงเรียน ณ ห้องประชุมสำนักงานเขตพื้นที่การศึกษา โดยขอให้ผู้เข้าร่วมประชุมนำคอมพิวเตอร์พกพามาด้วย",
      "เพื่อให้การบริหารจัดการศึกษาเป็นไปอย่างมีประสิทธิภาพ และสอดคล้องกับนโยบายของกระทรวงศึกษาธิการ สำนักงานจึงกำหนดให้มีการนิเทศติดตามการจัดการเรียนการสอนในภาคเรียนที่สองของปีการศึกษา",
      "ตามที่โรงเรียนได้รายงานความเสียหายของอาคารเรียนจากเหตุอุทกภัยเมื่อเดือนที่ผ่านมา สำนักงานได้ตรวจสอบแล้วเห็นควรสนับสนุนงบประมาณเพื่อซ่อมแซมหลังคาและระบบไฟฟ้าของอาคารเรียนดังกล่าว",
      "สำนักงานเขตพื้นที่การศึกษาขอขอบคุณที่ท่านได้ให้ความร่วมมือด้วยดีเสมอมา และหวังเป็นอย่างยิ่งว่าจะได้รับความร่วมมือจากท่านอีกในโอกาสต่อไป",
      "อนึ่ง การจัดเก็บหนังสือราชการให้ปฏิบัติตามระเบียบสำนักนายกรัฐมนตรีว่าด้วยงานสารบรรณ โดยจัดทำทะเบียนหนังสือเก็บและบัญชีหนังสือส่งเก็บให้เป็นปัจจุบัน",
      "สำหรับโรงเรียนที่ประสงค์จะส่งผลงานเข้าร่วมประกวด ให้จัดทำเอกสารรายงานผลการใช้นวัตกรรมความยาวไม่เกินสิบหน้ากระดาษ พร้อมคลิปวิดีโอนำเสนอผลงานความยาวไม่เกินห้านาที"};
  documents::Letter external = documents::parse_letter(sample_text("external"), "external", ".", nullptr);
  documents::Letter memo = documents::parse_letter(sample_text("memo"), "memo", ".", nullptr);
  std::vector<documents::Letter> out;
  for (std::size_t i = 0; i < n; ++i) {
    documents::Letter l = i % 2 ? memo : external;
    l.ref = l.ref.substr(0, l.ref.find('/') == std::string::npos ? l.ref.size() : l.ref.find('/')) + "/" +
            text::convert_digits(std::to_string(100 + i), text::DigitStyle::Thai);
    l.date.day = 1 + static_cast<int>(i % 28);
    l.subject = subjects[i % 8];
    l.body = {pool[i % 8], pool[(i + 3) % 8],
              "หนังสือฉบับนี้เป็นลำดับที่ " + text::convert_digits(std::to_string(i + 1), text::DigitStyle::Thai) + " ของการจัดส่งในวันนี้",
              pool[(i + 5) % 8]};
    out.push_back(std::move(l));
  }
  return out;
}

void BM_Render1000VariedLetters(benchmark::State& state) {
  const auto letters = varied_letters(1000);
  const unsigned jobs = static_cast<unsigned>(state.range(0));
  std::size_t bytes = 0;
  for (auto _ : state) {
    std::atomic<std::size_t> total{0};
    documents::render_letters(system_environment(), letters, jobs,
                              [&](std::size_t, std::vector<std::uint8_t> pdf) { total += pdf.size(); });
    bytes = total;
  }
  state.counters["jobs"] = jobs;
  state.counters["mean_pdf_bytes"] = static_cast<double>(bytes) / 1000.0;
  state.counters["letters_per_s"] = benchmark::Counter(1000.0 * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Render1000VariedLetters)->Arg(1)->Arg(2)->Iterations(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
