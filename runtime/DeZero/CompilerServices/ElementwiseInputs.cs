using System;
using System.ComponentModel;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeZero.CompilerServices;

/// <summary>For generated code: the inputs of an elementwise node, read by element; see <see cref="IElementwiseKernel"/>.</summary>
/// <remarks>
/// The broadcasting rule is <see cref="NDArray"/>'s: inputs have one common shape, or are 0-d and apply to every
/// element. An input of one element is held as that value, so a node over scalars reads no array at all.
/// Members are only ever added, never changed (see <see cref="ElementwiseFunction{TKernel}"/>).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public struct ElementwiseInputs
{
    /// <summary>How many inputs are held without an array of their own.</summary>
    internal const int Inline = 4;

    // Per input: its elements, or null when it has one element, which is then in _values.
    private InlineFour<double[]?> _arrays;
    private InlineFour<double> _values;
    private readonly double[]?[]? _moreArrays;
    private readonly double[]? _moreValues;
    private Dimensions? _shape;

    private ElementwiseInputs(int arity)
    {
        if (arity > Inline)
        {
            _moreArrays = new double[]?[arity - Inline];
            _moreValues = new double[arity - Inline];
        }
    }

    /// <summary>The shape of the output: the inputs' common shape, 0-d when all are 0-d.</summary>
    internal readonly Dimensions Shape => _shape ?? Dimensions.Scalar;

    /// <summary>Element <paramref name="index"/> of input <paramref name="input"/> (its one value when it is 0-d).</summary>
    /// <param name="input">The input, counted from 0 in parameter order.</param>
    /// <param name="index">The element, in row-major order.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Load(int input, int index)
    {
        if (input < Inline)
        {
            return _arrays[input] is { } array ? array[index] : _values[input];
        }

        return _moreArrays![input - Inline] is { } more ? more[index] : _moreValues![input - Inline];
    }

    /// <summary>The <see cref="Vector256{T}.Count"/> elements of input <paramref name="input"/> from <paramref name="index"/> (its one value on every lane when it is 0-d).</summary>
    /// <param name="input">The input, counted from 0 in parameter order.</param>
    /// <param name="index">The first element, in row-major order.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly Vector256<double> LoadLanes(int input, int index)
    {
        var array = input < Inline ? _arrays[input] : _moreArrays![input - Inline];
        if (array is null)
        {
            return Vector256.Create(input < Inline ? _values[input] : _moreValues![input - Inline]);
        }

        return Vector256.Create(new ReadOnlySpan<double>(array, index, Vector256<double>.Count));
    }

    /// <summary>Whether input <paramref name="input"/> is held as one value rather than an array.</summary>
    internal readonly bool IsOneValue(int input) => (input < Inline ? _arrays[input] : _moreArrays![input - Inline]) is null;

    /// <summary>Checks the count of <paramref name="xs"/> against the kernel's arity, the shapes against each other, and holds them.</summary>
    internal static ElementwiseInputs Of(Function function, int arity, ReadOnlySpan<NDArray> xs)
    {
        if (xs.Length != arity)
        {
            throw new ArgumentException(
                $"{function.GetType().Name} takes {arity} input{(arity == 1 ? string.Empty : "s")}, got {xs.Length}.", nameof(xs));
        }

        var inputs = new ElementwiseInputs(arity);
        for (var k = 0; k < arity; k++)
        {
            inputs.Hold(function, k, xs[k] ?? throw new ArgumentNullException(nameof(xs)));
        }

        return inputs;
    }

    /// <summary>The inputs of <paramref name="function"/>'s recorded call.</summary>
    internal static ElementwiseInputs OfRecorded(Function function, int arity)
    {
        var inputs = new ElementwiseInputs(arity);
        if (function.InputCount != arity)
        {
            throw new InvalidOperationException(
                $"{function.GetType().Name} takes {arity} input{(arity == 1 ? string.Empty : "s")}, but its recorded call has {function.InputCount}.");
        }

        for (var k = 0; k < arity; k++)
        {
            inputs.Hold(function, k, function.InputAt(k).Data);
        }

        return inputs;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Hold(Function function, int k, NDArray x)
    {
        var shape = x.Dims;
        if (shape.Count != 0)
        {
            if (_shape is null)
            {
                _shape = shape;
            }
            else if (!_shape.SameAs(shape))
            {
                ThrowShapes(function, _shape, shape);
            }
        }

        // One element (a 0-d input, or every input of a one-element output) is read as its value.
        var array = shape.Size == 1 ? null : x.Storage;
        var value = array is null ? x.AsSpan()[0] : 0.0;
        if (k < Inline)
        {
            _arrays[k] = array;
            _values[k] = value;
        }
        else
        {
            _moreArrays![k - Inline] = array;
            _moreValues![k - Inline] = value;
        }
    }

    private static void ThrowShapes(Function function, Dimensions first, Dimensions other) =>
        throw new ArgumentException(
            $"{function.GetType().Name} got inputs of shapes {NDArray.FormatShape(first)} and {NDArray.FormatShape(other)}: "
            + "elementwise inputs need equal shapes or 0-d.",
            "xs");
}
