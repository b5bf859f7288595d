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

    /// <summary>
    /// How many times the node can be differentiated, for <c>Backward(createGraph: true)</c>: <see cref="int.MaxValue"/>
    /// when <see cref="GradientGraph"/> builds the gradient from other differentiable nodes (any order), 2 when
    /// <see cref="SecondDerivatives"/> gives the second derivatives, 1 when the generator could not write them (a call to
    /// a supplied derivative, a generated …WithGradient) and for a kernel of an earlier generator.
    /// </summary>
    int Order => 1;

    /// <summary>
    /// The gradient of every input as a graph (<see cref="Order"/> <see cref="int.MaxValue"/>): <paramref name="gy"/> times
    /// each partial derivative, written with operations on variables. Before a 0-d input's gradient is summed back to 0-d.
    /// </summary>
    /// <param name="inputs">The node's inputs, in parameter order.</param>
    /// <param name="output">The node's output, for partials that read the method's value.</param>
    /// <param name="gy">The gradient of the output.</param>
    /// <param name="gradients">Receives one gradient per input.</param>
    void GradientGraph(ReadOnlySpan<Variable> inputs, Variable output, Variable gy, Span<Variable> gradients) =>
        throw new NotSupportedException("This kernel has no gradient graph.");

    /// <summary>
    /// The partial derivatives at element <paramref name="index"/>, then the upper triangle of the Hessian row by row
    /// (∂²/∂x₀², ∂²/∂x₀∂x₁, …, ∂²/∂x₁², …): <c>n + n(n + 1)/2</c> values for <c>n</c> inputs (<see cref="Order"/> 2 and up).
    /// </summary>
    /// <param name="inputs">The inputs, read with <see cref="ElementwiseInputs.Load"/>.</param>
    /// <param name="index">The element.</param>
    /// <param name="derivatives">Receives the derivatives.</param>
    void SecondDerivatives(in ElementwiseInputs inputs, int index, Span<double> derivatives) =>
        throw new NotSupportedException("This kernel has no second derivatives.");
}
