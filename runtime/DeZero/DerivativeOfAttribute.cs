using System;

namespace DeZero;

/// <summary>
/// Supplies the derivative of a function the generator cannot see into or should not differentiate
/// line by line. The marked method is static, takes the same parameters as the function and returns
/// what a generated <c>…WithGradient</c> would: <c>(double Value, double DX, …)</c>, the value first,
/// then the partial derivative for each double parameter in order.
/// </summary>
/// <example><code>
/// [DerivativeOf(typeof(SpecialFunctions), nameof(SpecialFunctions.Erf))]
/// static (double Value, double DX) ErfWithGradient(double x) =>
///     (SpecialFunctions.Erf(x), 2 / Math.Sqrt(Math.PI) * Math.Exp(-x * x));
/// </code></example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DerivativeOfAttribute : Attribute
{
    /// <summary>The derivative of the method <paramref name="method"/> of the same type.</summary>
    public DerivativeOfAttribute(string method)
    {
        Method = method;
    }

    /// <summary>The derivative of the method <paramref name="method"/> of <paramref name="type"/>.</summary>
    public DerivativeOfAttribute(Type type, string method)
    {
        Type = type;
        Method = method;
    }

    /// <summary>The type that declares the function, or null for the type of the marked method.</summary>
    public Type? Type { get; }

    /// <summary>The name of the function.</summary>
    public string Method { get; }
}
