using System;
using System.ComponentModel;
using System.Runtime.Intrinsics;

namespace DeZero.CompilerServices;

/// <summary>
/// For generated code: the arithmetic of one <c>[Differentiable]</c> method, which <see cref="ElementwiseFunction{TKernel}"/>
/// runs over every element. Not meant to be implemented or called by hand.
/// </summary>
/// <remarks>
/// Implemented by a struct, so the runtime's loops are compiled once per method with these members inlined, as
/// <c>TensorPrimitives</c> does with its operator interfaces. Members are only ever added, never changed, and each one
/// added later has a default implementation, so kernels written by an earlier generator of this major version keep
/// compiling and running.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IElementwiseKernel
{
    /// <summary>The number of inputs: the method's differentiated parameters.</summary>
    int Arity { get; }

    /// <summary>Whether <see cref="ValueLanes"/> and <see cref="PartialsLanes"/> are implemented.</summary>
    bool HasLanes { get; }

    /// <summary>The method's value at element <paramref name="index"/> of the inputs.</summary>
    /// <param name="inputs">The inputs, read with <see cref="ElementwiseInputs.Load"/>.</param>
    /// <param name="index">The element.</param>
    double Value(in ElementwiseInputs inputs, int index);

    /// <summary>The method's partial derivatives at element <paramref name="index"/>, each given to <see cref="ElementwiseGradients.Set"/>.</summary>
    /// <param name="inputs">The inputs, read with <see cref="ElementwiseInputs.Load"/>.</param>
    /// <param name="index">The element.</param>
    /// <param name="gradients">Where each partial goes, by input.</param>
    void Partials(in ElementwiseInputs inputs, int index, ref ElementwiseGradients gradients);

    /// <summary>The method on the <see cref="Vector256{T}.Count"/> elements from <paramref name="index"/>, on SIMD lanes.</summary>
    /// <param name="inputs">The inputs, read with <see cref="ElementwiseInputs.LoadLanes"/>.</param>
    /// <param name="index">The first element.</param>
    Vector256<double> ValueLanes(in ElementwiseInputs inputs, int index) =>
        throw new NotSupportedException("This kernel has no SIMD lanes.");

    /// <summary>The partial derivatives on the <see cref="Vector256{T}.Count"/> elements from <paramref name="index"/>, each given to <see cref="ElementwiseGradients.SetLanes"/>.</summary>
    /// <param name="inputs">The inputs, read with <see cref="ElementwiseInputs.LoadLanes"/>.</param>
    /// <param name="index">The first element.</param>
    /// <param name="gradients">Where each partial goes, by input.</param>
    void PartialsLanes(in ElementwiseInputs inputs, int index, ref ElementwiseGradients gradients) =>
        throw new NotSupportedException("This kernel has no SIMD lanes.");
}
