// Owning handles for librdf / raptor / rasqal objects. Private to store/.
// Every C object lives in a std::unique_ptr whose deleter calls the library's
// free function, so no path (early return, error) can leak or double-free.
#pragma once

#include <redland.h>

#include <memory>

namespace kg::store_internal {

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const {
    if (p) Free(p);
  }
};

template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using WorldPtr = Handle<librdf_world, librdf_free_world>;
using StoragePtr = Handle<librdf_storage, librdf_free_storage>;
using ModelPtr = Handle<librdf_model, librdf_free_model>;
using NodePtr = Handle<librdf_node, librdf_free_node>;
using StatementPtr = Handle<librdf_statement, librdf_free_statement>;
using StreamPtr = Handle<librdf_stream, librdf_free_stream>;
using UriPtr = Handle<librdf_uri, librdf_free_uri>;
using ParserPtr = Handle<librdf_parser, librdf_free_parser>;
using QueryPtr = Handle<librdf_query, librdf_free_query>;
using QueryResultsPtr = Handle<librdf_query_results, librdf_free_query_results>;

using RaptorUriPtr = Handle<raptor_uri, raptor_free_uri>;
using RaptorSerializerPtr = Handle<raptor_serializer, raptor_free_serializer>;
using RaptorIostreamPtr = Handle<raptor_iostream, raptor_free_iostream>;
using RaptorParserPtr = Handle<raptor_parser, raptor_free_parser>;

using RasqalWorldPtr = Handle<rasqal_world, rasqal_free_world>;
using RasqalQueryPtr = Handle<rasqal_query, rasqal_free_query>;
using RasqalResultsPtr = Handle<rasqal_query_results, rasqal_free_query_results>;

// Strings that librdf/raptor allocate for us are freed with their allocator.
struct LibrdfStringDeleter {
  void operator()(unsigned char* p) const {
    if (p) librdf_free_memory(p);
  }
};
using LibrdfString = std::unique_ptr<unsigned char, LibrdfStringDeleter>;

}  // namespace kg::store_internal
