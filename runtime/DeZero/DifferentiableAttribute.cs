using System;

namespace DeZero;

/// <summary>
/// Marks a static method whose derivative the DeZero source generator writes: it emits a graph node
/// (<c>…Function</c>), an overload taking <see cref="Variable"/>s, and a graph-free <c>…WithGradient</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
    /// <summary>
    /// Lets the graph node run the method on SIMD lanes (<c>Vector256</c>) over arrays. Applies to straight-line
    /// bodies of arithmetic, Exp, Log, Sqrt, Sin and Cos (DZ0023 says when it cannot). Off by default: the
    /// vector Exp, Log, Sin and Cos agree with <see cref="Math"/> within 2 ulp, not bit for bit, and those
    /// differences grow through the body like any reordering of floating-point work. Scalars (0-d arrays),
    /// <c>…WithGradient</c> and the tail of each array always use <see cref="Math"/>.
    /// </summary>
    public bool Vectorize { get; set; }
}
