using System.Linq;
using DeZero.Generators.Model;

namespace DeZero.Generators.Emitting;

/// <summary>
/// Writes the graph node of one [Differentiable] method. The runtime's <c>ElementwiseFunction</c> does the rest (shapes,
/// broadcasting, allocation, the loops over elements and SIMD lanes, the chain rule); the node declares only what is
/// specific to the method: a struct kernel that calls it and its <c>…WithGradient</c> at one element (and, when
/// vectorised, its lane programs), and its int parameters.
/// </summary>
internal static class NodeEmitter
{
    private const string CompilerServices = "global::DeZero.CompilerServices";
    private const string Inputs = "in " + CompilerServices + ".ElementwiseInputs inputs";
    private const string Gradients = "ref " + CompilerServices + ".ElementwiseGradients gradients";
    private const string Lane = CSharpPrinter.Vector256 + "<double>";

    private const string KernelType = GeneratedNames.NodeKernel;
    private const string ValuesKernel = "Values";
    private const string GradientKernel = "Lanes";

    public static void Write(SourceWriter writer, DerivativeSpec derivative)
    {
        var method = derivative.Method;
        var lanes = method.Vectorize ? derivative.Gradient : null;
        var inputs = MethodEmitter.Differentiated(method);
        var ints = method.Parameters.Where(p => !p.IsDifferentiated).ToArray();
        var name = GeneratedNames.Node(method.Name);
        // Inside the node (its own docs included) a cref to the method could bind to one of the node's members
        // (a method named ForwardAll, say), so its docs name the method in plain text.
        writer.WriteLine($"/// <summary>The graph node of <c>{method.Name}</c>: the whole method is one node.</summary>");
        writer.WriteLine(MethodEmitter.GeneratedCodeAttribute);
        writer.OpenBlock($"{method.Accessibility} sealed class {name} : {CompilerServices}.ElementwiseFunction<{name}.{KernelType}>");
        foreach (var parameter in ints)
        {
            var kind = parameter.Kind == ValueKind.Int ? "int" : "[NoDerivative] double";
            writer.WriteLine($"/// <summary>The value of the {kind} parameter <c>{parameter.Name}</c>.</summary>");
            writer.WriteLine($"public {CSharpPrinter.Keyword(parameter.Kind)} {parameter.PropertyName} {{ get; init; }}");
            writer.WriteLine();
        }

        if (ints.Length > 0)
        {
            writer.WriteLine("/// <summary>The kernel, given this node's parameters that are not inputs.</summary>");
            writer.WriteLine($"protected override {KernelType} CreateKernel() => new {KernelType}({string.Join(", ", ints.Select(p => p.PropertyName))});");
            writer.WriteLine();
        }

        WriteKernel(writer, derivative, inputs, ints, lanes);
        writer.CloseBlock();
    }

    /// <summary>The method at one element, for the runtime's loops; its fields are the int parameters, numbered so no name clashes.</summary>
    private static void WriteKernel(SourceWriter writer, DerivativeSpec derivative, ParameterSpec[] inputs, ParameterSpec[] ints, Block? lanes)
    {
        var method = derivative.Method;
        writer.WriteLine($"/// <summary><c>{method.Name}</c> and its partial derivatives at one element{(lanes is null ? string.Empty : " and on SIMD lanes")}, for the runtime's elementwise loops.</summary>");
        writer.WriteLine("[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]");
        writer.OpenBlock($"public readonly struct {KernelType} : {CompilerServices}.IElementwiseKernel");
        if (ints.Length > 0)
        {
            for (var j = 0; j < ints.Length; j++)
            {
                writer.WriteLine($"private readonly {CSharpPrinter.Keyword(ints[j].Kind)} int{j};");
            }

            writer.WriteLine();
            writer.WriteLine("/// <summary>A kernel with the method's parameters that are not inputs, in declaration order.</summary>");
            writer.OpenBlock($"public {KernelType}({string.Join(", ", ints.Select((p, j) => $"{CSharpPrinter.Keyword(p.Kind)} int{j}"))})");
            for (var j = 0; j < ints.Length; j++)
            {
                writer.WriteLine($"this.int{j} = int{j};");
            }

            writer.CloseBlock();
            writer.WriteLine();
        }

        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public int Arity => {inputs.Length};");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public bool HasLanes => {(lanes is null ? "false" : "true")};");
        var type = CSharpPrinter.QualifiedType(method);
        var callee = $"{type}.{CSharpPrinter.Identifier(method.Name)}";
        var withGradient = $"{type}.{CSharpPrinter.Identifier(GeneratedNames.WithGradient(method.Name))}";
        WriteElementMembers(writer, inputs.Length, string.Empty, "double", callee, withGradient, Arguments(method, "Load"));
        if (lanes is not null)
        {
            WriteElementMembers(writer, inputs.Length, "Lanes", Lane, ValuesKernel, GradientKernel, Arguments(method, "LoadLanes"));
            writer.WriteLine();
            WriteLaneKernels(writer, method, lanes);
        }

        WriteHigherOrder(writer, derivative, inputs.Length, Arguments(method, "Load"));
        writer.CloseBlock();
    }

    /// <summary>
    /// What a <c>Backward(createGraph: true)</c> pass needs: the gradient as a graph of other nodes (any order) where the body is
    /// straight-line, the second derivatives at one element otherwise; and the static second-derivative method callers chain through.
    /// </summary>
    private static void WriteHigherOrder(SourceWriter writer, DerivativeSpec derivative, int arity, string arguments)
    {
        var method = derivative.Method;
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public int Order => {(derivative.Graph is not null ? "int.MaxValue" : derivative.Hessian is not null ? "2" : "1")};");
        if (derivative.Graph is { } graph)
        {
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            var variable = "global::DeZero.Variable";
            writer.OpenBlock(
                $"public void GradientGraph(global::System.ReadOnlySpan<{variable}> {CSharpPrinter.Identifier(graph.Inputs)}, {variable} {CSharpPrinter.Identifier(graph.Output)}, "
                + $"{variable} {CSharpPrinter.Identifier(graph.Seed)}, global::System.Span<{variable}> {CSharpPrinter.Identifier(graph.Gradients)})");
            new GraphPrinter(graph).WriteBody(writer, method);
            writer.CloseBlock();
        }
        else if (derivative.Hessian is not null)
        {
            writer.WriteLine();
            writer.WriteLine("/// <inheritdoc/>");
            var pairs = Enumerable.Range(0, arity).SelectMany(i => Enumerable.Range(i, arity - i).Select(j => $"h{i}_{j}")).ToArray();
            var targets = new[] { "_" }.Concat(Enumerable.Range(0, arity).Select(k => "d" + k)).Concat(pairs).ToArray();
            writer.OpenBlock($"public void SecondDerivatives({Inputs}, int index, global::System.Span<double> derivatives)");
            writer.WriteLine($"var ({string.Join(", ", targets)}) = {GeneratedNames.KernelHessian}({arguments});");
            for (var k = 1; k < targets.Length; k++)
            {
                writer.WriteLine($"derivatives[{k - 1}] = {targets[k]};");
            }

            writer.CloseBlock();
        }

        writer.WriteLine();
        writer.WriteLine($"/// <summary><c>{method.Name}</c>, its partial derivatives, then the upper triangle of its Hessian row by row: for a caller's second derivatives and this node's.</summary>");
        var parameters = string.Join(", ", method.Parameters.Select(p => $"{CSharpPrinter.Keyword(p.Kind)} {CSharpPrinter.Identifier(p.Name)}"));
        var n = method.Parameters.Count(p => p.IsDifferentiated);
        var tuple = "(" + string.Join(", ", Enumerable.Repeat("double", 1 + n + (n * (n + 1) / 2))) + ")";
        var signature = $"public static {tuple} {GeneratedNames.KernelHessian}({parameters})";
        if (derivative.Hessian is not { } hessian)
        {
            writer.WriteLine($"{signature} => throw new global::System.NotSupportedException({MethodEmitter.Literal(MethodEmitter.NoSecondDerivatives(derivative))});");
        }
        else if (method.Hessian)
        {
            var forward = string.Join(", ", method.Parameters.Select(p => CSharpPrinter.Identifier(p.Name)));
            writer.WriteLine($"{signature} => {CSharpPrinter.QualifiedType(method)}.{CSharpPrinter.Identifier(GeneratedNames.WithHessian(method.Name))}({forward});");
        }
        else
        {
            writer.OpenBlock(signature);
            CSharpPrinter.Code.WriteAll(writer, hessian);
            writer.CloseBlock();
        }
    }

    /// <summary>The kernel's value and partials members, on one element (<paramref name="suffix"/> empty) or on SIMD lanes ("Lanes").</summary>
    private static void WriteElementMembers(SourceWriter writer, int arity, string suffix, string type, string value, string gradient, string arguments)
    {
        var partials = string.Join(", ", new[] { "_" }.Concat(Enumerable.Range(0, arity).Select(k => "d" + k)));
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.WriteLine($"public {type} Value{suffix}({Inputs}, int index) => {value}({arguments});");
        writer.WriteLine();
        writer.WriteLine("/// <inheritdoc/>");
        writer.OpenBlock($"public void Partials{suffix}({Inputs}, int index, {Gradients})");
        writer.WriteLine($"var ({partials}) = {gradient}({arguments});");
        for (var k = 0; k < arity; k++)
        {
            writer.WriteLine($"gradients.Set{suffix}({k}, index, d{k});");
        }

        writer.CloseBlock();
    }

    /// <summary>The method's arguments at element <c>index</c>: each double parameter read from its input, each int parameter from its field.</summary>
    private static string Arguments(MethodSpec method, string load)
    {
        int input = 0, field = 0;
        return string.Join(", ", method.Parameters.Select(p =>
            p.IsDifferentiated ? $"inputs.{load}({input++}, index)" : $"this.int{field++}"));
    }

    /// <summary>The method, and its value-and-gradient program, again on four elements at once.</summary>
    private static void WriteLaneKernels(SourceWriter writer, MethodSpec method, Block gradientBody)
    {
        var parameters = string.Join(", ", method.Parameters.Select(p => $"{Lane} {CSharpPrinter.Identifier(p.Name)}"));
        writer.WriteLine($"/// <summary><c>{method.Name}</c> on SIMD lanes.</summary>");
        writer.OpenBlock($"private static {Lane} {ValuesKernel}({parameters})");
        CSharpPrinter.Lanes.WriteAll(writer, method.Body);
        writer.CloseBlock();
        writer.WriteLine();

        var tuple = string.Join(", ", new[] { $"{Lane} Value" }.Concat(MethodEmitter.Differentiated(method).Select(p => $"{Lane} {p.PartialName}")));
        writer.WriteLine($"/// <summary><c>{method.Name}</c> and its partial derivatives on SIMD lanes.</summary>");
        writer.OpenBlock($"private static ({tuple}) {GradientKernel}({parameters})");
        CSharpPrinter.Lanes.WriteAll(writer, gradientBody);
        writer.CloseBlock();
    }
}
