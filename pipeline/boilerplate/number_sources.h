// Copyright 2026 The neardup Authors. Licensed under the Apache License, Version 2.0.
//
// The numbering of the documents' sources in the boilerplate stage (boilerplate.cc, FindBoilerplate).

#ifndef NEARDUP_PIPELINE_BOILERPLATE_NUMBER_SOURCES_H_
#define NEARDUP_PIPELINE_BOILERPLATE_NUMBER_SOURCES_H_

#include <cstdint>
#include <vector>

#include "pipeline/boilerplate/boilerplate.h"

namespace neardup::boilerplate_internal {

// Numbers the documents' sources in order of first appearance: doc_source[d] is the number of document
// d's source, members[s] the documents of source s in input order. Each fixed chunk of documents numbers
// the sources it holds in parallel, in order of their first appearance in the chunk; the chunks' lists,
// merged in chunk order, give the sources in order of first appearance in the input, so only the
// distinct sources of each chunk are looked up serially, not every document. The result is the serial
// loop's for any thread count.
void NumberSources(const std::vector<BoilerplateInput>& docs, std::vector<uint32_t>* doc_source,
                   std::vector<std::vector<uint32_t>>* members);

}  // namespace neardup::boilerplate_internal

#endif  // NEARDUP_PIPELINE_BOILERPLATE_NUMBER_SOURCES_H_
