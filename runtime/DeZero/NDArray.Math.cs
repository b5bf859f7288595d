using System;
using System.Numerics.Tensors;

namespace DeZero;

// Static math over arrays, so a Forward reads like the seed's numpy (NDArray.Exp(x) for np.exp(x)).
// A one-element array takes System.Math directly: vector kernels may differ from it by an ulp, and
// the seed's printed scalar values must come out bit for bit.
public sealed partial class NDArray
{
    private delegate void Kernel(ReadOnlySpan<double> x, Span<double> destination);

    /// <summary>Elementwise e raised to each element (numpy's <c>np.exp</c>).</summary>
    public static NDArray Exp(NDArray x) => Map(x, Math.Exp, static (s, d) => TensorPrimitives.Exp(s, d));

    /// <summary>Elementwise natural logarithm.</summary>
    public static NDArray Log(NDArray x) => Map(x, Math.Log, static (s, d) => TensorPrimitives.Log(s, d));

    /// <summary>Elementwise sine.</summary>
    public static NDArray Sin(NDArray x) => Map(x, Math.Sin, static (s, d) => TensorPrimitives.Sin(s, d));

    /// <summary>Elementwise cosine.</summary>
    public static NDArray Cos(NDArray x) => Map(x, Math.Cos, static (s, d) => TensorPrimitives.Cos(s, d));

    /// <summary>Elementwise tangent.</summary>
    public static NDArray Tan(NDArray x) => Map(x, Math.Tan, static (s, d) => TensorPrimitives.Tan(s, d));

    /// <summary>Elementwise hyperbolic tangent.</summary>
    public static NDArray Tanh(NDArray x) => Map(x, Math.Tanh, static (s, d) => TensorPrimitives.Tanh(s, d));

    /// <summary>Elementwise square root.</summary>
    public static NDArray Sqrt(NDArray x) => Map(x, Math.Sqrt, static (s, d) => TensorPrimitives.Sqrt(s, d));

    /// <summary>Elementwise absolute value.</summary>
    public static NDArray Abs(NDArray x) => Map(x, Math.Abs, static (s, d) => TensorPrimitives.Abs(s, d));

    /// <summary>Elementwise square, <c>x * x</c>.</summary>
    public static NDArray Square(NDArray x) => Map(x, static v => v * v, static (s, d) => TensorPrimitives.Multiply(s, s, d));

    /// <summary>Each element raised to the power <paramref name="p"/>.</summary>
    public static NDArray Pow(NDArray x, double p)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Size == 1)
        {
            return Scalar(Math.Pow(x.AsSpan()[0], p), x._shape);
        }

        var result = GC.AllocateUninitializedArray<double>(x.Size);
        TensorPrimitives.Pow<double>(x.AsSpan(), p, result);
        return Create(result, x._shape);
    }

    /// <summary>The sum of all elements as a 0-d array (0 for an empty array).</summary>
    public static NDArray Sum(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return Scalar(x.Size == 1 ? x.AsSpan()[0] : TensorPrimitives.Sum<double>(x.AsSpan()));
    }

    private static NDArray Map(NDArray x, Func<double, double> scalar, Kernel kernel)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Size == 1)
        {
            return Scalar(scalar(x.AsSpan()[0]), x._shape);
        }

        var result = GC.AllocateUninitializedArray<double>(x.Size);
        kernel(x.AsSpan(), result);
        return Create(result, x._shape);
    }
}
