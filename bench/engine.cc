#include "bench/engine.h"

#include <fmt/format.h>

#include <morgue/error.h>

namespace morgue::bench {

std::unique_ptr<Engine> make_engine(const std::string& name) {
  if (name == "morgue") {
    return make_morgue_engine();
  }
  if (name == "fts5") {
    return make_fts5_engine();
  }
  if (name == "xapian") {
    return make_xapian_engine();
  }
  throw Error(fmt::format("unknown engine '{}'; choose morgue, fts5 or xapian", name));
}

}  // namespace morgue::bench
