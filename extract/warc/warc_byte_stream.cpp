#include "warc_byte_stream.h"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "errors.h"

namespace blogshift {

namespace {
constexpr size_t kInputSize = 64 * 1024;
constexpr size_t kOutputSize = 128 * 1024;
}  // namespace

WarcByteStream::WarcByteStream(const std::string& path)
    : file_(std::fopen(path.c_str(), "rb"), &std::fclose), in_(kInputSize), out_(kOutputSize) {
  if (!file_) throw FatalError(path, std::string("cannot open for reading: ") + std::strerror(errno));
  if (inflateInit2(&z_, 16 + MAX_WBITS) != Z_OK) throw FatalError(path, "cannot set up zlib");
  z_ready_ = true;
  z_.next_in = in_.data();
  z_.avail_in = 0;
  if (fill_input(2)) gzipped_ = in_[0] == 0x1f && in_[1] == 0x8b;
}

WarcByteStream::~WarcByteStream() {
  if (z_ready_) inflateEnd(&z_);
}

int64_t WarcByteStream::input_file_offset() const { return in_file_start_ + (z_.next_in - in_.data()); }

bool WarcByteStream::fill_input(size_t want) {
  while (z_.avail_in < want && !file_eof_) {
    // Move what is left to the front, then read behind it.
    size_t used = static_cast<size_t>(z_.next_in - in_.data());
    if (used > 0) {
      std::memmove(in_.data(), z_.next_in, z_.avail_in);
      in_file_start_ += static_cast<int64_t>(used);
      z_.next_in = in_.data();
    }
    size_t got = std::fread(in_.data() + z_.avail_in, 1, in_.size() - z_.avail_in, file_.get());
    if (got == 0) {
      file_eof_ = true;
      if (std::ferror(file_.get())) finish(End::ReadError, "read error");
    }
    z_.avail_in += static_cast<uInt>(got);
  }
  return z_.avail_in >= want;
}

void WarcByteStream::finish(End end, std::string message) {
  if (end_ != End::None) return;
  end_ = end;
  end_message_ = std::move(message);
  end_file_offset_ = input_file_offset();
  state_ = State::Done;
}

bool WarcByteStream::fill() {
  if (out_begin_ > 0) {
    std::memmove(out_.data(), out_.data() + out_begin_, out_end_ - out_begin_);
    out_end_ -= out_begin_;
    out_begin_ = 0;
  }
  if (out_end_ == out_.size()) return true;
  const size_t before = out_end_;
  while (out_end_ == before && state_ != State::Done) {
    switch (state_) {
      case State::AtMemberStart: {
        fill_input(2);
        if (z_.avail_in == 0) {
          finish(End::Clean, {});
          break;
        }
        const bool magic = z_.avail_in >= 2 && z_.next_in[0] == 0x1f && z_.next_in[1] == 0x8b;
        segments_.push_back({produced_, input_file_offset(), magic});
        if (magic) {
          inflateReset(&z_);
          state_ = State::InMember;
        } else {
          state_ = State::Plain;
        }
        break;
      }
      case State::InMember: {
        if (!fill_input(1)) {
          if (end_ == End::None) finish(End::TruncatedGzip, "gzip member cut short (unexpected end of file)");
          break;
        }
        z_.next_out = reinterpret_cast<Bytef*>(out_.data() + out_end_);
        z_.avail_out = static_cast<uInt>(out_.size() - out_end_);
        int ret = inflate(&z_, Z_NO_FLUSH);
        size_t wrote = (out_.size() - out_end_) - z_.avail_out;
        out_end_ += wrote;
        produced_ += static_cast<int64_t>(wrote);
        if (ret == Z_STREAM_END) {
          state_ = State::AtMemberStart;
        } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
          finish(End::CorruptGzip, std::string("corrupt gzip data: ") + (z_.msg ? z_.msg : "inflate failed"));
        }
        break;
      }
      case State::Plain: {
        if (!fill_input(1)) {
          finish(End::Clean, {});
          break;
        }
        size_t n = std::min<size_t>(z_.avail_in, out_.size() - out_end_);
        std::memcpy(out_.data() + out_end_, z_.next_in, n);
        z_.next_in += n;
        z_.avail_in -= static_cast<uInt>(n);
        out_end_ += n;
        produced_ += static_cast<int64_t>(n);
        break;
      }
      case State::Done:
        break;
    }
  }
  return out_end_ > before;
}

std::string_view WarcByteStream::peek(size_t n) {
  n = std::min(n, kMaxPeek);
  while (out_end_ - out_begin_ < n && fill()) {
  }
  return {out_.data() + out_begin_, std::min(n, out_end_ - out_begin_)};
}

int WarcByteStream::get() {
  if (out_begin_ == out_end_ && !fill()) return -1;
  ++consumed_;
  return static_cast<unsigned char>(out_[out_begin_++]);
}

size_t WarcByteStream::read(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n) {
    if (out_begin_ == out_end_ && !fill()) break;
    size_t take = std::min(n - done, out_end_ - out_begin_);
    if (out) out->append(out_.data() + out_begin_, take);
    out_begin_ += take;
    done += take;
  }
  consumed_ += static_cast<int64_t>(done);
  return done;
}

const WarcByteStream::Segment* WarcByteStream::segment_at(int64_t at) const {
  auto after = std::upper_bound(segments_.begin(), segments_.end(), at,
                                [](int64_t value, const Segment& s) { return value < s.decoded_start; });
  if (after == segments_.begin()) return nullptr;
  return &*(after - 1);
}

bool WarcByteStream::member_starts_between(int64_t from, int64_t to) const {
  return std::any_of(segments_.begin(), segments_.end(),
                     [&](const Segment& s) { return s.gzip && s.decoded_start > from && s.decoded_start < to; });
}

void WarcByteStream::forget_before(int64_t at) {
  const Segment* keep = segment_at(at);
  if (!keep) return;
  segments_.erase(segments_.begin(), segments_.begin() + (keep - segments_.data()));
}

}  // namespace blogshift
