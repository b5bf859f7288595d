using System;
using System.Buffers;
using System.ComponentModel;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace DeZero;

/// <summary>Helpers for generated graph nodes; not meant to be called directly.</summary>
/// <remarks>
/// Generated elementwise nodes share one broadcasting rule with <see cref="NDArray"/>'s operators: inputs have
/// one common shape, or are 0-d and apply to every element; a 0-d input's gradient is summed back to 0-d.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class Elementwise
{
    /// <summary>Checks the input count and returns the common shape of the inputs (empty when all are 0-d).</summary>
    /// <param name="function">The node's name, for messages.</param>
    /// <param name="xs">The inputs' data.</param>
    /// <param name="arity">The number of inputs the node takes.</param>
    public static int[] Shape(string function, NDArray[] xs, int arity)
    {
        ArgumentNullException.ThrowIfNull(xs);
        if (xs.Length != arity)
        {
            throw new ArgumentException(
                $"{function} takes {arity} input{(arity == 1 ? string.Empty : "s")}, got {xs.Length}.", nameof(xs));
        }

        NDArray? shaped = null;
        foreach (var x in xs)
        {
            ArgumentNullException.ThrowIfNull(x, nameof(xs));
            if (x.Rank == 0)
            {
                continue;
            }

            if (shaped is null)
            {
                shaped = x;
            }
            else if (!shaped.ShapeArray.AsSpan().SequenceEqual(x.ShapeArray))
            {
                throw new ArgumentException(
                    $"{function} got inputs of shapes {NDArray.FormatShape(shaped.Shape)} and {NDArray.FormatShape(x.Shape)}: "
                    + "elementwise inputs need equal shapes or 0-d.",
                    nameof(xs));
            }
        }

        return shaped is null ? [] : (int[])shaped.ShapeArray.Clone();
    }

    /// <summary>The number of elements of an array of shape <paramref name="shape"/>.</summary>
    public static int Size(int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var size = 1;
        foreach (var n in shape)
        {
            size = checked(size * n);
        }

        return size;
    }

    /// <summary>The step through <paramref name="x"/>'s elements in an elementwise loop: 0 for a 0-d array (it repeats), 1 otherwise.</summary>
    public static int Stride(NDArray x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Rank == 0 ? 0 : 1;
    }

    /// <summary>The <see cref="Vector256{T}.Count"/> elements of <paramref name="x"/> from element <paramref name="i"/>, or its one element repeated when it is 0-d.</summary>
    public static Vector256<double> Load(ReadOnlySpan<double> x, int stride, int i) =>
        stride == 0 ? Vector256.Create(x[0]) : Vector256.Create(x.Slice(i, Vector256<double>.Count));

    /// <summary>Wraps an elementwise result in exactly <paramref name="shape"/> (empty meaning 0-d), without copying <paramref name="values"/>.</summary>
    /// <remarks><see cref="NDArray.Wrap"/> reads an empty shape as "1-d"; a node whose inputs are all 0-d needs a 0-d result.</remarks>
    public static NDArray Result(double[] values, int[] shape) => NDArray.WrapExact(values, shape);

    /// <summary>
    /// The array a node's backward pass writes <paramref name="input"/>'s gradient into, one element per output
    /// element: a new array, which becomes the gradient, or, for a 0-d input broadcast over an output of any other
    /// size (none included), pooled scratch that <see cref="Gradient"/> sums and returns to the pool.
    /// </summary>
    /// <param name="input">The input the gradient belongs to.</param>
    /// <param name="n">The number of elements of the node's output.</param>
    public static double[] GradientBuffer(NDArray input, int n)
    {
        ArgumentNullException.ThrowIfNull(input);
        return IsBroadcast(input, n) ? ArrayPool<double>.Shared.Rent(n) : GC.AllocateUninitializedArray<double>(n);
    }

    /// <summary>
    /// The gradient of <paramref name="input"/> from the <paramref name="buffer"/> of <see cref="GradientBuffer"/>:
    /// wrapped in the input's shape without copying, or, for a broadcast 0-d input, summed to 0-d.
    /// </summary>
    /// <param name="buffer">The buffer <see cref="GradientBuffer"/> returned, its first <paramref name="n"/> elements written.</param>
    /// <param name="n">The number of elements of the node's output.</param>
    /// <param name="input">The input the gradient belongs to.</param>
    public static NDArray Gradient(double[] buffer, int n, NDArray input)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(input);
        if (IsBroadcast(input, n))
        {
            var sum = TensorPrimitives.Sum<double>(buffer.AsSpan(0, n));
            ArrayPool<double>.Shared.Return(buffer);
            return NDArray.Scalar(sum);
        }

        return NDArray.WrapExact(buffer, input.ShapeArray);
    }

    /// <summary>A 0-d input against an output of any other size (none included), whose gradient is a sum.</summary>
    private static bool IsBroadcast(NDArray input, int n) => input.Rank == 0 && n != 1;
}
