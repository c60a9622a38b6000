// FunctionRef<R(Args...)>: a non-owning reference to a callable, for
// callbacks that are only called during the call that receives them (the
// evaluator's solution sinks, one per operator and input row).
//
// Why not std::function: it owns a copy of the callable and allocates one
// when the lambda captures more than two pointers, which the evaluator's
// sinks all do; at one sink per left row of a join that was a third of the
// allocations of a query (measured with callgrind on workload q06).
//
// Contract: the callable must outlive every call through the reference.
// Passing a lambda as an argument is safe (it lives until the call
// returns); storing a FunctionRef to a temporary in a variable is not.
#pragma once

#include <type_traits>
#include <utility>

namespace kg {

template <class Signature>
class FunctionRef;

template <class R, class... Args>
class FunctionRef<R(Args...)> {
 public:
  template <class F,
            class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, FunctionRef> &&
                                     std::is_invocable_r_v<R, F&, Args...>>>
  FunctionRef(F&& f)  // NOLINT(google-explicit-constructor): used like std::function
      : object_(const_cast<void*>(static_cast<const void*>(std::addressof(f)))),
        call_([](void* object, Args... args) -> R {
          return (*static_cast<std::remove_reference_t<F>*>(object))(std::forward<Args>(args)...);
        }) {}

  R operator()(Args... args) const { return call_(object_, std::forward<Args>(args)...); }

 private:
  void* object_;
  R (*call_)(void*, Args...);
};

}  // namespace kg
