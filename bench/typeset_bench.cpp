// Typesetting throughput: Thai text → laid-out pages → PDF bytes, in one process.
// Reports pages per second; bench/typeset_bench.sh adds peak memory, the one-page command's
// end-to-end time and the same text through WeasyPrint and LibreOffice.
#include <benchmark/benchmark.h>

#include <string>

#include "base/environment.h"
#include "layout/font_set.h"
#include "layout/typesetter.h"
#include "pdf/pdf_writer.h"
#include "text/cleanup.h"

namespace {

using namespace saraban;

std::string sample_text(int paragraphs) {
  static const char* kParagraphs[] = {
      "ด้วยสำนักงานเขตพื้นที่การศึกษาประถมศึกษาเชียงใหม่ เขต ๕ ได้รับจัดสรรงบประมาณรายจ่ายประจำปีงบประมาณ พ.ศ. ๒๕๗๐ "
      "เพื่อดำเนินโครงการพัฒนาระบบเทคโนโลยีสารสนเทศเพื่อการบริหารจัดการสถานศึกษา โดยมีวัตถุประสงค์เพื่อให้โรงเรียนในสังกัด"
      "สามารถใช้งานระบบสารบรรณอิเล็กทรอนิกส์ ระบบสำรองข้อมูลแบบแบ็กอัปอัตโนมัติ และเชื่อมต่อกับเซิร์ฟเวอร์กลางได้อย่างมีประสิทธิภาพ",
      "เมื่อได้รับหนังสือจากสารบรรณกลาง เจ้าหน้าที่ธุรการของกลุ่มตรวจสอบความครบถ้วนของหนังสือและสิ่งที่ส่งมาด้วย "
      "แล้วลงทะเบียนรับในระบบ โดยระบบจะออกเลขทะเบียนรับถัดไปให้โดยอัตโนมัติ เลขทะเบียนรับเริ่มต้นที่ ๑ ในวันที่ ๑ มกราคมของทุกปี "
      "และเรียงต่อเนื่องกันโดยไม่ข้ามและไม่ซ้ำ จากนั้นประทับตรารับหนังสือที่มุมบนด้านขวาของหน้าแรก ระบุเลขรับ วันที่ และเวลา",
      "ผู้รับผิดชอบจัดทำร่างหนังสือตอบหรือเอกสารที่เกี่ยวข้องตามแบบที่ระเบียบกำหนด ได้แก่ หนังสือภายนอก บันทึกข้อความ "
      "หนังสือประทับตรา คำสั่ง และประกาศ โดยใช้ตัวอักษรไทยสารบรรณขนาด ๑๖ พอยต์ ตั้งระยะขอบซ้าย ๓ เซนติเมตร และขอบขวา "
      "๒ เซนติเมตร หากประสบปัญหาในการติดต่อซัพพลายเออร์หรือผู้ให้บริการซอฟต์แวร์ ให้ประสานกลุ่มส่งเสริมการศึกษาทางไกล",
  };
  std::string s;
  // Each paragraph ends with its own number, so none repeats and the layouter's paragraph
  // cache (which real documents hit only for repeated headers and labels) cannot help.
  for (int i = 0; i < paragraphs; ++i) {
    s += kParagraphs[i % 3];
    s += " (ย่อหน้าที่ " + std::to_string(i + 1) + ")";
    s += "\n\n";
  }
  return s;
}

void BM_TypesetPages(benchmark::State& state) {
  const Environment& env = system_environment();
  // ~3.3 paragraphs of this length fill an A4 page at 16 pt.
  const std::string text = text::clean_text(sample_text(static_cast<int>(state.range(0)) * 13 / 3)).text;
  layout::TypesetOptions opt;
  std::size_t pages = 0, bytes = 0;
  for (auto _ : state) {
    layout::FontSet fonts(env, layout::FontConfig::load_default(env));
    auto doc = layout::typeset_text(fonts, text, opt, 1795258800);
    auto pdf = pdf::write_pdf(doc);
    pages = doc.pages.size();
    bytes = pdf.size();
    benchmark::DoNotOptimize(pdf.data());
  }
  state.counters["pages"] = static_cast<double>(pages);
  state.counters["pdf_kb"] = static_cast<double>(bytes) / 1024.0;
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(pages) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TypesetPages)->Arg(1)->Arg(100)->Unit(benchmark::kMillisecond);

void BM_LayoutOnly(benchmark::State& state) {
  const Environment& env = system_environment();
  const std::string text = text::clean_text(sample_text(333)).text;
  layout::TypesetOptions opt;
  layout::FontSet fonts(env, layout::FontConfig::load_default(env));
  std::size_t pages = 0;
  for (auto _ : state) {
    auto doc = layout::typeset_text(fonts, text, opt, 1795258800);
    pages = doc.pages.size();
    benchmark::DoNotOptimize(doc.pages.data());
  }
  state.counters["pages_per_s"] =
      benchmark::Counter(static_cast<double>(pages) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_LayoutOnly)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
