// The allocator html_reader.cpp hands to gumbo (internal to core/html; a
// header only so that tests can reach it).
//
// Everything gumbo allocates comes from this arena and is released at once
// when the parse is converted. gumbo_destroy_output is never called: it frees
// the tree recursively, which deep input turns into a stack overflow.
//
// allocate() and release() are called from C: no exception may leave them.
// They use malloc and nothing that throws; gumbo has no way to report a
// failed allocation, so running out of memory prints a message and aborts.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <new>

namespace blogshift {

class GumboArena {
public:
  GumboArena() = default;
  GumboArena(const GumboArena&) = delete;
  GumboArena& operator=(const GumboArena&) = delete;
  ~GumboArena() {
    while (head_) {
      ChunkHeader* next = head_->next;
      std::free(head_);
      head_ = next;
    }
  }

  // gumbo's GumboAllocatorFunction / GumboDeallocatorFunction.
  static void* allocate(void* self, size_t size) noexcept { return static_cast<GumboArena*>(self)->take(size); }
  static void release(void*, void*) noexcept {}

  // Memory for `size` bytes, aligned for any type; never null.
  void* take(size_t size) noexcept {
    if (size > kMaxRequest) out_of_memory(size);
    size_t rounded = size == 0 ? kAlign : (size + kAlign - 1) / kAlign * kAlign;
    if (rounded > kChunk / 4) return new_chunk(rounded, size);
    if (current_ == nullptr || used_ + rounded > kChunk) {
      current_ = new_chunk(kChunk, size);
      used_ = 0;
    }
    void* out = current_ + used_;
    used_ += rounded;
    return out;
  }

private:
  static constexpr size_t kChunk = size_t{1} << 16;
  static constexpr size_t kAlign = alignof(std::max_align_t);
  // Each malloc'ed block starts with this link, so the arena needs no
  // container (whose growth could throw).
  struct alignas(std::max_align_t) ChunkHeader {
    ChunkHeader* next;
  };
  // Larger requests than this are refused before any size arithmetic can wrap.
  static constexpr size_t kMaxRequest = static_cast<size_t>(PTRDIFF_MAX) / 2;

  [[noreturn]] static void out_of_memory(size_t size) noexcept {
    std::fprintf(stderr, "blogshift: out of memory while parsing HTML (gumbo asked for %zu bytes)\n", size);
    std::fflush(stderr);
    std::abort();
  }

  char* new_chunk(size_t payload, size_t requested) noexcept {
    void* raw = std::malloc(sizeof(ChunkHeader) + payload);
    if (raw == nullptr) out_of_memory(requested);
    head_ = ::new (raw) ChunkHeader{head_};
    return reinterpret_cast<char*>(head_) + sizeof(ChunkHeader);
  }

  ChunkHeader* head_ = nullptr;
  char* current_ = nullptr;
  size_t used_ = 0;
};

}  // namespace blogshift
