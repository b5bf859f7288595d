using System;

namespace DeZero;

/// <summary>
/// Marks a static method whose derivative the DeZero source generator writes: it emits a graph node
/// (<c>…Function</c>), an overload taking <see cref="Variable"/>s, and a graph-free <c>…WithGradient</c>.
/// </summary>
/// <remarks>
/// The node of a method of double and int parameters is differentiable again in a <c>Backward(createGraph: true)</c>
/// pass: to any order when its body is straight-line, to the second order when it has branches, loops or calls (first
/// order where its second derivatives cannot be written; the README's "Higher-order derivatives" has the table).
/// </remarks>
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

    /// <summary>
    /// Also generates <c>…WithHessian</c> for a method of double and int parameters: one tuple, without allocation, of the
    /// value, every first partial derivative, then the upper triangle of the Hessian row by row (for <c>F(double x,
    /// double y)</c>: <c>Value, DX, DY, DXX, DXY, DYY</c>), computed along the method's own statements, exact through
    /// branches, loops and calls. Also asks for second derivatives past eight parameters, where they are not written
    /// unasked. DZ0029 where they cannot be written (span or array parameters, a supplied derivative, a call to a generated …WithGradient).
    /// </summary>
    public bool Hessian { get; set; }
}
