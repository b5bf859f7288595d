using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace DeZero;

/// <summary>The base of every graph node: <see cref="Call"/> does the bookkeeping, a subclass writes only the math.</summary>
/// <remarks>
/// One input: override <see cref="Forward"/> and <see cref="Backward(NDArray)"/>, exactly as the seed writes
/// <c>class Square(Function)</c>. Several inputs: override <see cref="ForwardAll"/> and <see cref="BackwardAll(NDArray)"/>
/// (C# cannot overload <c>Backward</c> on its return type alone, hence the second pair of names). To be differentiable
/// again (DeZero's stage 3), write the backward on variables instead: <see cref="Backward(Variable)"/> or
/// <see cref="BackwardAll(Variable)"/>, which a <c>Backward(createGraph: true)</c> pass records as a graph.
/// </remarks>
public abstract class Function
{
    // The inputs of the last recorded call: the variable itself when there is one (most functions, and no array to
    // allocate and keep per node), a Variable[] of our own when there are several, null before a recorded call.
    private object? _inputs;
    private Variable? _output;

    /// <summary>The last backward pass that queued this function (see <see cref="Variable.Backward"/>).</summary>
    internal long BackwardPass;

    /// <summary>The inputs of the last recorded call; empty before it.</summary>
    /// <remarks>For a function of one input, each read makes a new one-element list: the function itself keeps only the variable.</remarks>
    public IReadOnlyList<Variable> Inputs => _inputs switch
    {
        Variable one => new[] { one },
        Variable[] several => several,
        _ => [],
    };

    /// <summary>The single input of the last recorded call (the seed's <c>self.input</c>).</summary>
    public Variable Input =>
        _inputs as Variable
            ?? throw new InvalidOperationException(
                _output is null
                    ? $"{GetType().Name} has not been called with backprop enabled, so it has no input."
                    : $"{GetType().Name} has {InputCount} inputs; use Inputs.");

    /// <summary>The output of the last recorded call (the seed's <c>self.output</c>).</summary>
    public Variable Output =>
        _output ?? throw new InvalidOperationException($"{GetType().Name} has not been called with backprop enabled, so it has no output.");

    /// <summary>The outputs of the last recorded call: the one output, or empty before it.</summary>
    public IReadOnlyList<Variable> Outputs => _output is null ? [] : [_output];

    /// <summary>The largest generation among the inputs; backprop runs functions from the highest generation down.</summary>
    public int Generation { get; private set; }

    /// <summary>Runs the function on <paramref name="inputs"/> and, unless inside <see cref="Config.NoGrad"/>, links the output into the graph.</summary>
    /// <param name="inputs">At least one variable, none null.</param>
    /// <returns>A new variable holding the result, whose <see cref="Variable.Creator"/> is this function.</returns>
    public Variable Call(params Variable[] inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Length == 0)
        {
            throw new ArgumentException($"{GetType().Name} needs at least one input.", nameof(inputs));
        }

        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i] is null)
            {
                throw new ArgumentNullException(nameof(inputs), $"Input {i} of {GetType().Name} is null.");
            }
        }

        var y = Evaluate(inputs) ?? throw new InvalidOperationException($"{GetType().Name}.Forward returned null.");
        var output = new Variable(y);
        if (Config.EnableBackprop)
        {
            var generation = 0;
            foreach (var input in inputs)
            {
                generation = Math.Max(generation, input.Generation);
            }

            Generation = generation;
            _inputs = inputs.Length == 1 ? inputs[0] : inputs.Clone();
            _output = output;
            output.SetCreator(this);
        }

        return output;
    }

    /// <summary>The number of inputs of the last recorded call.</summary>
    internal int InputCount
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _inputs is Variable ? 1 : (_inputs as Variable[])?.Length ?? 0;
    }

    /// <summary>The output of the last recorded call, or null.</summary>
    internal Variable? RecordedOutput => _output;

    /// <summary>Input <paramref name="index"/> of the last recorded call, without making a list.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal Variable InputAt(int index) => _inputs is Variable one && index == 0 ? one : ((Variable[])_inputs!)[index];

    /// <summary>The forward pass on the inputs' data: <see cref="ForwardAll"/>, unless a subclass of this assembly knows a cheaper way.</summary>
    internal virtual NDArray? Evaluate(Variable[] inputs)
    {
        var xs = new NDArray[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            xs[i] = inputs[i].Data;
        }

        return ForwardAll(xs);
    }

    /// <summary>
    /// The backward pass of a recorded call: adds each input's gradient into its <see cref="Variable.Grad"/>. By default
    /// through <see cref="BackwardAll(NDArray)"/>, or <see cref="BackwardAll(Variable)"/> in a createGraph pass, whose
    /// results are checked, as a user's subclass may return anything.
    /// </summary>
    internal virtual void Backpropagate(Variable output, BackwardQueue pass)
    {
        if (pass.CreateGraph)
        {
            BackpropagateGraph(output);
            return;
        }

        var gxs = BackwardAll(output.Grad!);
        CheckCount(gxs?.Length, "BackwardAll");
        for (var i = 0; i < gxs!.Length; i++)
        {
            CheckGradient(i, gxs[i], "BackwardAll");
        }

        for (var i = 0; i < gxs.Length; i++)
        {
            InputAt(i).AccumulateGrad(gxs[i]);
        }
    }

    /// <summary>The backward pass of a recorded call in a createGraph pass: the gradients as variables, with their graph.</summary>
    private protected void BackpropagateGraph(Variable output)
    {
        var gxs = BackwardAll(output.GradVariable!);
        CheckCount(gxs?.Length, "BackwardAll(Variable)");
        for (var i = 0; i < gxs!.Length; i++)
        {
            CheckGradient(i, gxs[i]?.Data, "BackwardAll(Variable)");
        }

        for (var i = 0; i < gxs.Length; i++)
        {
            InputAt(i).AccumulateGrad(gxs[i]);
        }
    }

    // A user's subclass may return anything: one gradient per input, each of its input's shape, or an exception here.
    private void CheckCount(int? count, string method)
    {
        if (count != InputCount)
        {
            throw new InvalidOperationException(
                $"{GetType().Name}.{method} returned {count?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "null"} gradients for {InputCount} inputs.");
        }
    }

    private void CheckGradient(int i, NDArray? gx, string method)
    {
        if (gx is null)
        {
            throw new InvalidOperationException($"{GetType().Name}.{method} returned a null gradient for input {i}.");
        }

        var input = InputAt(i);
        if (!gx.Dims.SameAs(input.Data.Dims))
        {
            throw new InvalidOperationException(
                $"{GetType().Name}.{method} returned a gradient of shape {NDArray.FormatShape(gx.Shape)} for input {i} of shape {NDArray.FormatShape(input.Shape)}.");
        }
    }

    /// <summary>The forward computation of a one-input function (the seed's <c>forward(self, x)</c>).</summary>
    /// <param name="x">The input's data.</param>
    public virtual NDArray Forward(NDArray x) =>
        throw new NotImplementedException(
            $"{GetType().Name} must override Forward(NDArray x) (one input) or ForwardAll(NDArray[] xs) (several inputs).");

    /// <summary>The backward computation of a one-input function: the input's gradient from the output's (the seed's <c>backward(self, gy)</c>).</summary>
    /// <remarks>
    /// A subclass that overrides only the backward on variables (<see cref="Backward(Variable)"/>, as DeZero's stage 3
    /// writes it) gets this one from it, computed without recording a graph.
    /// </remarks>
    /// <param name="gy">The gradient of the output.</param>
    public virtual NDArray Backward(NDArray gy)
    {
        if ((Overridden(GetType()) & Overrides.OnVariables) == 0)
        {
            throw new NotImplementedException(
                $"{GetType().Name} must override Backward(NDArray gy) or, to be differentiable again, Backward(Variable gy) (one input); BackwardAll for several inputs.");
        }

        return OnVariables(gy)[0];
    }

    /// <summary>The backward computation of a one-input function on variables (DeZero's stage-3 <c>backward(self, gy)</c>).</summary>
    /// <remarks>
    /// Written with differentiable operations on variables (<c>2 * Input * gy</c>, <see cref="Functions"/>), it is
    /// recorded as a graph in a <c>Backward(createGraph: true)</c> pass, which makes the function differentiable to any
    /// order; a pass without createGraph runs it without recording. A subclass that overrides only
    /// <see cref="Backward(NDArray)"/> is differentiable once: a createGraph pass that reaches it throws.
    /// </remarks>
    /// <param name="gy">The gradient of the output, a variable.</param>
    /// <returns>The gradient of the input, of the input's shape.</returns>
    public virtual Variable Backward(Variable gy) => throw NotDifferentiableAgain();

    /// <summary>The backward computation for any number of inputs on variables: one gradient per input, in order; by default calls <see cref="Backward(Variable)"/> for one input.</summary>
    /// <remarks>See <see cref="Backward(Variable)"/>: recorded as a graph in a createGraph pass.</remarks>
    /// <param name="gy">The gradient of the output, a variable.</param>
    public virtual Variable[] BackwardAll(Variable gy)
    {
        if (_output is null)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} has not been called with backprop enabled, so there is nothing to backpropagate.");
        }

        return _inputs is Variable ? [Backward(gy)] : throw NotDifferentiableAgain();
    }

    /// <summary>The forward computation for any number of inputs; by default calls <see cref="Forward"/> for one input.</summary>
    /// <param name="xs">The inputs' data, in order.</param>
    public virtual NDArray ForwardAll(NDArray[] xs)
    {
        ArgumentNullException.ThrowIfNull(xs);
        return xs.Length == 1
            ? Forward(xs[0])
            : throw new NotImplementedException(
                $"{GetType().Name} was called with {xs.Length} inputs: override ForwardAll(NDArray[] xs) and BackwardAll(NDArray gy).");
    }

    /// <summary>The backward computation for any number of inputs: one gradient per input, in order; by default calls <see cref="Backward(NDArray)"/> for one input.</summary>
    /// <param name="gy">The gradient of the output.</param>
    public virtual NDArray[] BackwardAll(NDArray gy)
    {
        if (_output is null)
        {
            throw new InvalidOperationException(
                $"{GetType().Name} has not been called with backprop enabled, so there is nothing to backpropagate.");
        }

        if (_inputs is Variable)
        {
            return [Backward(gy)];
        }

        if ((Overridden(GetType()) & Overrides.BackwardAllOnVariables) == 0)
        {
            throw new NotImplementedException(
                $"{GetType().Name} has {InputCount} inputs: override BackwardAll(NDArray gy) or, to be differentiable again, BackwardAll(Variable gy).");
        }

        return OnVariables(gy);
    }

    /// <summary>The backward on variables of a subclass that writes only that one, run on arrays without recording a graph.</summary>
    private NDArray[] OnVariables(NDArray gy)
    {
        ArgumentNullException.ThrowIfNull(gy);
        Variable[] gxs;
        using (Config.NoGrad())
        {
            gxs = BackwardAll(new Variable(gy));
        }

        if (gxs is null)
        {
            throw new InvalidOperationException($"{GetType().Name}.BackwardAll(Variable) returned null.");
        }

        return Array.ConvertAll(gxs, gx => gx?.Data!);
    }

    /// <summary>
    /// What a createGraph pass reaching a function without a backward on variables throws: naming the class, or for a
    /// node the generator wrote, the method.
    /// </summary>
    private protected NotSupportedException NotDifferentiableAgain()
    {
        var type = GetType();
        if (Generated(type) is { } method)
        {
            return new NotSupportedException(
                $"The node of {method} ({type.Name}) computes its gradient on arrays only, so it is differentiable once: a "
                + "Backward(createGraph: true) pass cannot go through it. Higher-order derivatives of methods with span or array "
                + "parameters are not supported yet.");
        }

        var writes = (Overridden(type) & Overrides.OnArrays) != 0 ? "overrides the backward on arrays only" : "has no backward of its own";
        return new NotSupportedException(
            $"{type.Name} {writes}, so it is differentiable once: a Backward(createGraph: true) pass cannot go through it. "
            + "Override Backward(Variable gy) (one input) or BackwardAll(Variable gy) (several) with operations on variables.");
    }

    /// <summary>
    /// The <c>[Differentiable]</c> method whose graph node <paramref name="type"/> is, <c>Namespace.Type.Method</c>, or null
    /// for a hand-written function. Generated nodes carry <c>[GeneratedCode("DeZero.Generators", …)]</c> and are named
    /// <c>{Method}Function</c>, nested in the method's type.
    /// </summary>
    internal static string? Generated(Type type)
    {
        const string Suffix = "Function";
        var generated = Attribute.GetCustomAttribute(type, typeof(System.CodeDom.Compiler.GeneratedCodeAttribute)) as System.CodeDom.Compiler.GeneratedCodeAttribute;
        if (generated?.Tool != "DeZero.Generators" || type.DeclaringType is not { } owner || !type.Name.EndsWith(Suffix, StringComparison.Ordinal))
        {
            return null;
        }

        return $"{owner.FullName?.Replace('+', '.')}.{type.Name[..^Suffix.Length]}";
    }

    [Flags]
    private enum Overrides
    {
        None = 0,
        BackwardOnArrays = 1,
        BackwardAllOnArrays = 2,
        BackwardOnVariables = 4,
        BackwardAllOnVariables = 8,
        OnArrays = BackwardOnArrays | BackwardAllOnArrays,
        OnVariables = BackwardOnVariables | BackwardAllOnVariables,
    }

    // Which backward methods a subclass overrides; read only where a default has to choose (a subclass writing only
    // the backward on variables) or explain, never on the path of a function that overrides the backward it is asked for.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, Overrides> s_overrides = new();

    private static Overrides Overridden(Type type) => s_overrides.GetOrAdd(type, static type =>
    {
        bool Declared(string name, Type parameter) =>
            type.GetMethod(name, [parameter])?.GetBaseDefinition().DeclaringType == typeof(Function)
            && type.GetMethod(name, [parameter])?.DeclaringType != typeof(Function);

        return (Declared(nameof(Backward), typeof(NDArray)) ? Overrides.BackwardOnArrays : 0)
            | (Declared(nameof(BackwardAll), typeof(NDArray)) ? Overrides.BackwardAllOnArrays : 0)
            | (Declared(nameof(Backward), typeof(Variable)) ? Overrides.BackwardOnVariables : 0)
            | (Declared(nameof(BackwardAll), typeof(Variable)) ? Overrides.BackwardAllOnVariables : 0);
    });
}
