#include "pdf/image_loader.h"

#include <png.h>
// jpeglib.h needs FILE and size_t declared first.
#include <cstdio>
#include <csetjmp>
#include <jpeglib.h>

#include <cstring>

#include "base/error.h"

namespace saraban::pdf {

namespace {

bool is_png(const std::vector<std::uint8_t>& b) {
  static const std::uint8_t sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  return b.size() >= 8 && std::memcmp(b.data(), sig, 8) == 0;
}

bool is_jpeg(const std::vector<std::uint8_t>& b) { return b.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF; }

struct PngImageGuard {
  png_image* image;
  ~PngImageGuard() { png_image_free(image); }
};

layout::ImageRef decode_png(std::vector<std::uint8_t> bytes, const std::string& path) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  PngImageGuard guard{&image};
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) {
    throw Error(ErrorCode::InvalidInput, std::string("unreadable PNG: ") + image.message, path);
  }
  bool color = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
  // Without an alpha channel in the output format libpng composites onto `background`.
  image.format = color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
  auto data = std::make_shared<layout::ImageData>();
  data->encoding = color ? layout::ImageData::Encoding::RawRgb8 : layout::ImageData::Encoding::RawGray8;
  data->width_px = static_cast<int>(image.width);
  data->height_px = static_cast<int>(image.height);
  data->source = path;
  data->bytes.resize(PNG_IMAGE_SIZE(image));
  png_color white{255, 255, 255};
  if (!png_image_finish_read(&image, &white, data->bytes.data(), 0, nullptr)) {
    throw Error(ErrorCode::InvalidInput, std::string("truncated or corrupt PNG: ") + image.message, path);
  }
  return data;
}

struct JpegErrors {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void jpeg_fail(j_common_ptr cinfo) {
  auto* errors = reinterpret_cast<JpegErrors*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, errors->message);
  std::longjmp(errors->jump, 1);
}

void jpeg_quiet(j_common_ptr cinfo, int level) {
  if (level < 0) ++cinfo->err->num_warnings;  // counted: a premature end is only a warning
}

// Plain C-style so longjmp skips no destructors. Returns false with `message` on failure.
bool inspect_jpeg(const std::vector<std::uint8_t>& bytes, int& width, int& height, int& components,
                  bool& cmyk, bool& truncated, char* message) {
  jpeg_decompress_struct cinfo;
  JpegErrors errors;
  cinfo.err = jpeg_std_error(&errors.mgr);
  errors.mgr.error_exit = jpeg_fail;
  errors.mgr.emit_message = jpeg_quiet;
  errors.message[0] = 0;
  if (setjmp(errors.jump)) {
    std::strcpy(message, errors.message);
    jpeg_destroy_decompress(&cinfo);
    return false;
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  width = static_cast<int>(cinfo.image_width);
  height = static_cast<int>(cinfo.image_height);
  components = cinfo.num_components;
  cmyk = cinfo.jpeg_color_space == JCS_CMYK || cinfo.jpeg_color_space == JCS_YCCK;
  truncated = false;
  if (!cmyk) {
    // Decode once: libjpeg reports a cut-off file only while reading scanlines.
    jpeg_start_decompress(&cinfo);
    JSAMPARRAY row = (*cinfo.mem->alloc_sarray)(reinterpret_cast<j_common_ptr>(&cinfo), JPOOL_IMAGE,
                                                cinfo.output_width * static_cast<unsigned>(cinfo.output_components), 1);
    while (cinfo.output_scanline < cinfo.output_height) jpeg_read_scanlines(&cinfo, row, 1);
    truncated = cinfo.err->num_warnings > 0;
    jpeg_finish_decompress(&cinfo);
  }
  jpeg_destroy_decompress(&cinfo);
  return true;
}

layout::ImageRef load_jpeg(std::vector<std::uint8_t> bytes, const std::string& path) {
  int width = 0, height = 0, components = 0;
  bool cmyk = false, truncated = false;
  char message[JMSG_LENGTH_MAX] = {0};
  if (!inspect_jpeg(bytes, width, height, components, cmyk, truncated, message)) {
    throw Error(ErrorCode::InvalidInput, std::string("truncated or corrupt JPEG: ") + message, path);
  }
  if (cmyk) throw Error(ErrorCode::InvalidInput, "CMYK JPEG is not supported; convert it to RGB", path);
  if (truncated) throw Error(ErrorCode::InvalidInput, "truncated JPEG", path);
  if (components != 1 && components != 3) {
    throw Error(ErrorCode::InvalidInput, "JPEG with " + std::to_string(components) + " components", path);
  }
  auto data = std::make_shared<layout::ImageData>();
  data->encoding = layout::ImageData::Encoding::Jpeg;
  data->width_px = width;
  data->height_px = height;
  data->jpeg_components = components;
  data->bytes = std::move(bytes);
  data->source = path;
  return data;
}

}  // namespace

layout::ImageRef load_image(const Environment& env, const std::string& path) {
  std::vector<std::uint8_t> bytes = env.read_file(path);
  if (is_png(bytes)) return decode_png(std::move(bytes), path);
  if (is_jpeg(bytes)) return load_jpeg(std::move(bytes), path);
  throw Error(ErrorCode::InvalidInput, "not a PNG or JPEG image", path);
}

}  // namespace saraban::pdf
