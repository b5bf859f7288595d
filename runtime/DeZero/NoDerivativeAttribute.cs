using System;

namespace DeZero;

/// <summary>
/// Marks a parameter of a <c>[Differentiable]</c> method as data rather than a variable: no gradient is computed or
/// returned for it (Swift's <c>@noDerivative</c>, Enzyme's <c>enzyme_const</c>). On a <c>double</c>, a <c>double[]</c> or a
/// <c>ReadOnlySpan&lt;double&gt;</c>; <c>int</c> parameters are never differentiated anyway.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NoDerivativeAttribute : Attribute
{
}
