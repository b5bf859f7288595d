using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DeZero.Generators.Diagnostics;
using DeZero.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeZero.Generators.Parsing;

/// <summary>
/// Turns one <c>[Differentiable]</c> declaration into a <see cref="MethodSpec"/>, or into the located
/// diagnostics that explain why it cannot have one. Never throws on user code.
/// </summary>
internal static class MethodParser
{
    public static ParseResult Parse(
        SyntaxNode node, ISymbol symbol, SemanticModel semanticModel, CalleeChecker checker, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        void Report(DiagnosticDescriptor descriptor, Location? location, params string[] arguments)
        {
            checker.Read(location?.SourceTree); // A type's declaration may be in another file.
            diagnostics.Add(new DiagnosticInfo(descriptor.Id, LocationInfo.From(location), arguments.ToEquatableArray()));
        }

        checker.Read(node.SyntaxTree);

        if (node is not MethodDeclarationSyntax syntax || symbol is not IMethodSymbol method || method.MethodKind != MethodKind.Ordinary)
        {
            var what = node is LocalFunctionStatementSyntax ? "local function" : "lambda";
            Report(Descriptors.LocalFunctionOrLambda, node.GetLocation(), what);
            return Failed(diagnostics);
        }

        // [Differentiable] on the defining declaration of a partial method: what is parsed is the implementing part.
        if (ImplementationOf(syntax, method, cancellationToken) is { } implementation)
        {
            (syntax, method) = implementation;
            semanticModel = checker.ModelOf(syntax.SyntaxTree);
            checker.Read(syntax.SyntaxTree);
        }

        // While the user's own code has errors, the compiler speaks; we stay quiet and emit nothing.
        // (Checked on the syntax and symbols here, and on the operation tree below: asking the semantic
        // model for diagnostics would bind every method again on every keystroke.)
        if (syntax.ContainsDiagnostics || method.ReturnType.TypeKind == TypeKind.Error || method.Parameters.Any(p => p.Type.TypeKind == TypeKind.Error))
        {
            return Failed(diagnostics);
        }

        var location = syntax.Identifier.GetLocation();
        var name = method.Name;
        if (!method.IsStatic)
        {
            Report(Descriptors.NotStatic, location, name);
        }

        if (method.IsGenericMethod)
        {
            Report(Descriptors.GenericMethod, syntax.TypeParameterList?.GetLocation() ?? location, name);
        }

        if (method.ReturnType.SpecialType != SpecialType.System_Double || method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            Report(Descriptors.UnsupportedReturnType, syntax.ReturnType.GetLocation(), name, method.ReturnType.ToDisplayString());
        }

        var parameters = new List<ParameterSpec>();
        foreach (var (parameter, parameterSyntax) in method.Parameters.Zip(syntax.ParameterList.Parameters, (p, s) => (p, s)))
        {
            if (parameter.RefKind != RefKind.None)
            {
                Report(Descriptors.ByReferenceParameter, parameterSyntax.GetLocation(), parameter.Name, parameter.RefKind.ToString().ToLowerInvariant());
            }
            else if (!parameter.IsParams && Symbols.KindOf(parameter.Type) is ValueKind.Double or ValueKind.Int)
            {
                var kind = Symbols.KindOf(parameter.Type)!.Value;
                parameters.Add(new ParameterSpec(parameter.Name, kind, Symbols.HasNoDerivativeAttribute(parameter)) { Default = DefaultOf(parameter, kind) });
            }
            else if (!parameter.IsParams && Symbols.ParameterFormOf(parameter.Type) is { } form)
            {
                parameters.Add(new ParameterSpec(parameter.Name, Symbols.SequenceKindOf(parameter.Type)!.Value, Symbols.HasNoDerivativeAttribute(parameter), form));
            }
            else
            {
                Report(Descriptors.UnsupportedParameter, parameterSyntax.GetLocation(), parameter.Name, parameter.Type.ToDisplayString());
            }
        }

        if (diagnostics.Count == 0 && !parameters.Any(p => p.IsDifferentiated))
        {
            Report(Descriptors.NoDoubleParameter, location, name);
        }

        var types = new List<TypeSpec>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            var declaration = type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().FirstOrDefault();
            if (declaration is null)
            {
                Report(Descriptors.TypeNotPartial, location, type.Name, name);
                break;
            }

            if (declaration.Modifiers.Any(SyntaxKind.FileKeyword))
            {
                Report(Descriptors.FileLocalType, declaration.Identifier.GetLocation(), type.Name, name);
            }
            else if (!type.DeclaringSyntaxReferences.Select(r => r.GetSyntax(cancellationToken)).OfType<TypeDeclarationSyntax>().Any(d => d.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                Report(Descriptors.TypeNotPartial, declaration.Identifier.GetLocation(), type.Name, name);
            }

            types.Insert(0, Describe(type, declaration));
        }

        CheckNames(method, location, Report);
        var hessian = HessianRequested(method);
        if (hessian)
        {
            CheckHessianNames(method, parameters, location, Report);
        }

        var nodeMembers = GeneratedNames.NodeMembers(parameters.Any(p => p.IsArray));
        var propertyClashes = 0; // Reported at the parameter; they keep the method's …WithGradient, and lose its node only.
        foreach (var parameter in parameters.Where(p => !p.IsDifferentiated && nodeMembers.Contains(p.PropertyName)))
        {
            if (parameters.Any(p => p.IsArray))
            {
                Report(Descriptors.NameCollision, location, GeneratedNames.Node(name), parameter.PropertyName, name);
                continue;
            }

            var at = syntax.ParameterList.Parameters.FirstOrDefault(p => p.Identifier.ValueText == parameter.Name)?.GetLocation() ?? location;
            Report(Descriptors.NameCollision, at, GeneratedNames.Node(name), parameter.PropertyName, parameter.Name);
            propertyClashes++;
        }

        // x and X would both give a tuple element DX (n and N both a property N).
        foreach (var clash in parameters.GroupBy(p => p.IsDifferentiated ? p.PartialName : p.PropertyName).Where(g => g.Count() > 1))
        {
            Report(Descriptors.NameCollision, location, name, clash.Key, string.Join(" and ", clash.Select(p => p.Name)));
        }

        // An array method's …WithGradient takes a gradient argument dX for each differentiated parameter x after them all.
        if (parameters.Any(p => p.IsArray))
        {
            foreach (var parameter in parameters.Where(p => p.IsDifferentiated && parameters.Any(q => q.Name == p.GradientArgumentName)))
            {
                Report(Descriptors.NameCollision, location, name, parameter.GradientArgumentName, parameter.Name);
            }
        }

        if (!RuntimeIsGlobal(method, semanticModel.Compilation))
        {
            Report(Descriptors.RuntimeUnderAlias, location, name);
        }

        // Generated files open with #nullable enable, and nodes rely on the default members of the runtime's kernel
        // interface: C# 8 both. Below C# 9 a node's properties are written with set instead of init.
        var languageVersion = (syntax.SyntaxTree.Options as CSharpParseOptions)?.LanguageVersion ?? LanguageVersion.Latest;
        if (languageVersion < LanguageVersion.CSharp8)
        {
            Report(Descriptors.LanguageVersionTooOld, location, name, languageVersion.ToDisplayString());
        }

        if (syntax.Body is null && syntax.ExpressionBody is null)
        {
            Report(Descriptors.NoBody, location, name);
            return Failed(diagnostics);
        }

        if (diagnostics.Count > propertyClashes)
        {
            return Failed(diagnostics);
        }

        // Roslyn builds the operation tree recursively, with more stack per level than its binder: a body nested
        // deeper than we take anyway is refused before asking for it, so the compiler never overflows on our behalf.
        if (DeeperThan((SyntaxNode?)syntax.Body ?? syntax.ExpressionBody!, MaxSyntaxDepth) is { } tooDeep)
        {
            Report(Descriptors.NestedTooDeeply, tooDeep.GetLocation(), BodyParser.MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return Failed(diagnostics);
        }

        var bodySyntax = (SyntaxNode?)syntax.Body ?? syntax.ExpressionBody!;
        var bodyOperation = BodyOf(syntax, semanticModel, cancellationToken);
        if (bodyOperation is not null && HasErrors(bodyOperation)
            && WithGeneratedMembers(syntax, bodySyntax, method, semanticModel, cancellationToken) is { } rebound)
        {
            bodyOperation = rebound;
        }

        if (bodyOperation is null || HasErrors(bodyOperation))
        {
            // One error is ours to explain: a call to a generated member that could not be declared for binding (that of a
            // method of arrays); the user would otherwise see only CS0117 where this method's own members are used.
            foreach (var (call, callee, callsHessian) in GeneratedMemberCalls(bodySyntax, method, semanticModel, cancellationToken))
            {
                if (callsHessian || callee.Parameters.Any(p => Symbols.SequenceKindOf(p.Type) is not null))
                {
                    var reason = callsHessian ? BodyParser.HessianCallReason(callee) : BodyParser.ArrayGradientCallReason(callee);
                    Report(Descriptors.UnsupportedExpression, call.GetLocation(), BodyParser.Excerpt(call), reason);
                }
            }

            return Failed(diagnostics);
        }

        checker.Enter(method);
        var names = syntax.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText);
        var parser = new BodyParser(checker, parameters, names, cancellationToken);
        var block = parser.ParseBody(bodyOperation);
        diagnostics.AddRange(parser.Diagnostics);
        if (diagnostics.Count > propertyClashes)
        {
            return Failed(diagnostics);
        }

        // Second derivatives chain through every call: a supplied derivative, or a method built elsewhere without them, stops them.
        var noSecondDerivatives = parameters.Any(p => p.IsArray)
            ? "it takes span or array parameters, whose derivatives are first order for now"
            : TooManyParameters(method, hessian) ?? SuppliedCallee(parser.Pending) ?? CalleeWithoutSecondDerivatives(bodyOperation, checker);
        if (hessian && noSecondDerivatives is not null)
        {
            Report(Descriptors.NoSecondDerivatives, location, name, noSecondDerivatives);
            return Failed(diagnostics);
        }

        // [Differentiable(Vectorize = true)] on a body that cannot run on lanes still works, on scalars.
        var vectorize = VectorizeRequested(method);
        if (vectorize && Lanes.Blocker(parameters.ToEquatableArray(), block) is { } blocker)
        {
            vectorize = false;
            Report(Descriptors.CannotVectorize, location, name, blocker);
        }

        var spec = new MethodSpec(
            Namespace(method.ContainingNamespace),
            types.ToEquatableArray(),
            name,
            Accessibility(method.DeclaredAccessibility),
            parameters.ToEquatableArray(),
            block,
            vectorize,
            hessian,
            noSecondDerivatives)
        {
            WithoutNode = propertyClashes > 0,
            SettableProperties = languageVersion < LanguageVersion.CSharp9,
        };
        return new ParseResult(spec, diagnostics.ToEquatableArray(), parser.Pending.ToEquatableArray());
    }

    /// <summary>
    /// <c>{F}WithHessian</c> taken by a member, or two of its tuple elements with one name: <c>D</c> plus each parameter's
    /// name, then <c>D</c> plus each pair's names (parameters <c>x</c>, <c>xX</c> and <c>X</c> would give <c>DXX</c> twice).
    /// </summary>
    private static void CheckHessianNames(IMethodSymbol method, List<ParameterSpec> parameters, Location location, System.Action<DiagnosticDescriptor, Location?, string[]> report)
    {
        var generated = GeneratedNames.WithHessian(method.Name);
        if (method.ContainingType.GetMembers(generated).Any(member => !IsGenerated(member)))
        {
            report(Descriptors.NameCollision, location, [method.ContainingType.Name, generated, method.Name]);
        }

        var differentiated = parameters.Where(p => p.IsDifferentiated).ToArray();
        var elements = differentiated.Select(p => (Name: p.PartialName, From: p.Name, Second: false))
            .Concat(differentiated.SelectMany((p, i) => differentiated.Skip(i).Select(q => (Name: GeneratedNames.SecondPartial(p.Name, q.Name), From: p.Name + " and " + q.Name, Second: true))));

        // Two first partials with one name are reported already, for …WithGradient.
        foreach (var clash in elements.GroupBy(e => e.Name).Where(g => g.Count() > 1 && g.Any(e => e.Second)))
        {
            report(Descriptors.NameCollision, location, [method.Name, clash.Key, string.Join(", ", clash.Select(e => e.From))]);
        }
    }

    /// <summary>A supplied derivative the method relies on, directly or through a callee, which gives no second derivatives.</summary>
    private static string? SuppliedCallee(IReadOnlyList<PendingCall> pending) =>
        pending.FirstOrDefault() is not { } call ? null
        : call.Via is { } via ? $"it calls {via}, which relies on {call.Key.Substring(2)}, whose derivative is supplied with [DerivativeOf] (first derivatives only)"
        : $"it calls {call.Display}, whose derivative is supplied with [DerivativeOf] (first derivatives only)";

    /// <summary>More differentiated parameters than second derivatives are written for unasked (<see cref="MethodSpec.SecondDerivativesUnasked"/>).</summary>
    internal static string? TooManyParameters(IMethodSymbol method, bool hessian)
    {
        var count = method.Parameters.Count(Symbols.IsDifferentiated);
        return hessian || count <= MethodSpec.SecondDerivativesUnasked
            ? null
            : $"it has {count} differentiated parameters, and past {MethodSpec.SecondDerivativesUnasked} its second derivatives are written only on request, with [Differentiable(Hessian = true)]";
    }

    /// <summary>
    /// A callee with no second derivatives to chain through (<see cref="CalleeChecker.WhyNoSecondDerivatives"/>), or a
    /// call to a generated value and gradient, whose own derivatives are second derivatives already.
    /// </summary>
    private static string? CalleeWithoutSecondDerivatives(IOperation body, CalleeChecker checker)
    {
        foreach (var invocation in body.Descendants().OfType<IInvocationOperation>())
        {
            var target = invocation.TargetMethod.OriginalDefinition;
            if (Symbols.GradientCallee(target) is { } behind)
            {
                return $"it calls {GeneratedNames.WithGradient(behind.Name)}, whose derivatives are the second derivatives of {Display(behind)}; "
                    + "its own second derivatives would take the third, which are not written";
            }

            if (Symbols.HasDifferentiableAttribute(target) && checker.WhyNoSecondDerivatives(target) is { } why)
            {
                return $"it calls {Display(target)}, {why}";
            }
        }

        return null;
    }

    private static string Display(IMethodSymbol method) => method.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    /// <summary>Two [Differentiable] methods with one name, or a member already named as ours.</summary>
    private static void CheckNames(IMethodSymbol method, Location location, System.Action<DiagnosticDescriptor, Location?, string[]> report)
    {
        var type = method.ContainingType;
        var name = method.Name;
        if (type.GetMembers(name).OfType<IMethodSymbol>().Count(Symbols.HasDifferentiableAttribute) > 1)
        {
            report(Descriptors.DuplicateName, location, [name, type.Name]);
            return;
        }

        foreach (var generated in new[] { GeneratedNames.Node(name), GeneratedNames.WithGradient(name) })
        {
            if (type.GetMembers(generated).Any(member => !IsGenerated(member)))
            {
                report(Descriptors.NameCollision, location, [type.Name, generated, name]);
            }
        }

        var graphOverload = type.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m =>
            !SymbolEqualityComparer.Default.Equals(m, method)
            && !IsGenerated(m)
            && m.Parameters.Length == method.Parameters.Length
            && m.Parameters.Zip(method.Parameters, (mine, theirs) =>
                theirs.Type.SpecialType == SpecialType.System_Double
                    ? mine.Type.Name == "Variable" && mine.Type.ContainingNamespace?.ToDisplayString() == "DeZero"
                    : SymbolEqualityComparer.Default.Equals(mine.Type, theirs.Type)).All(same => same));
        if (graphOverload is not null)
        {
            report(Descriptors.NameCollision, location, [type.Name, graphOverload.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), name]);
        }
    }

    /// <summary>
    /// A member this generator emitted. The generator never sees its own output, but DifferentiableAnalyzer
    /// runs on the compilation after generation, where FWithGradient and F(Variable) stand beside F: they
    /// are ours, not collisions. Roslyn names generated trees {base}/{generator assembly}/{generator type}/{hint}.
    /// </summary>
    private static bool IsGenerated(ISymbol member) =>
        !member.DeclaringSyntaxReferences.IsEmpty
        && member.DeclaringSyntaxReferences.All(reference => reference.SyntaxTree.FilePath.Replace('\\', '/') is var path
            && (path.StartsWith(GeneratedNames.GeneratedFolder, System.StringComparison.Ordinal) || path.Contains("/" + GeneratedNames.GeneratedFolder)));

    private static IOperation? BodyOf(MethodDeclarationSyntax syntax, SemanticModel model, CancellationToken cancellationToken) =>
        model.GetOperation(syntax, cancellationToken) is IMethodBodyOperation body ? (IOperation?)body.BlockBody ?? body.ExpressionBody : null;

    /// <summary>
    /// The body bound again in a compilation that also declares the generated value-and-gradient methods it calls
    /// (<see cref="GeneratedMembers"/>); null when it calls none that can be declared. The tree is the same, so every
    /// location in the operations is the user's.
    /// </summary>
    private static IOperation? WithGeneratedMembers(
        MethodDeclarationSyntax syntax, SyntaxNode body, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        var callees = GeneratedMemberCalls(body, method, model, cancellationToken).Where(c => !c.Hessian).Select(c => c.Callee);
        if (syntax.SyntaxTree.Options is not CSharpParseOptions options || GeneratedMembers.Declare(callees, options) is not { } declarations)
        {
            return null;
        }

        var rebound = model.Compilation.AddSyntaxTrees(declarations).GetSemanticModel(syntax.SyntaxTree);
        return BodyOf(syntax, rebound, cancellationToken);
    }

    /// <summary>
    /// Calls in <paramref name="body"/> that bind to nothing but are named as the generator names the value-and-gradient
    /// method of a [Differentiable] method (<c>PriceWithGradient(y, n)</c>, <c>Pricing.PriceWithGradient(y, n)</c>), or its
    /// value-gradient-and-Hessian method (<paramref name="body"/>'s <c>PriceWithHessian(y, n)</c>: <c>Hessian</c>), with that method.
    /// </summary>
    private static IEnumerable<(InvocationExpressionSyntax Call, IMethodSymbol Callee, bool Hessian)> GeneratedMemberCalls(
        SyntaxNode body, IMethodSymbol method, SemanticModel model, CancellationToken cancellationToken)
    {
        foreach (var call in body.DescendantNodesAndSelf().OfType<InvocationExpressionSyntax>())
        {
            var (type, name) = call.Expression switch
            {
                SimpleNameSyntax simple => (method.ContainingType, simple.Identifier.ValueText),
                MemberAccessExpressionSyntax access => (model.GetSymbolInfo(access.Expression, cancellationToken).Symbol as INamedTypeSymbol, access.Name.Identifier.ValueText),
                _ => (null, string.Empty),
            };
            if (model.GetSymbolInfo(call, cancellationToken).Symbol is not null)
            {
                continue;
            }

            if (Symbols.DifferentiableBehind(type, name) is { } callee)
            {
                yield return (call, callee, false);
            }
            else if (Symbols.DifferentiableBehindHessian(type, name) is { } hessianOf)
            {
                yield return (call, hessianOf, true);
            }
        }
    }

    /// <summary>A parameter's default value as a constant of its kind, or null when it has none.</summary>
    internal static Constant? DefaultOf(IParameterSymbol parameter, ValueKind kind) =>
        parameter.HasExplicitDefaultValue
            ? new Constant(parameter.ExplicitDefaultValue is { } value ? System.Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) : 0, kind)
            : null;

    /// <summary>The implementing part of a partial method declared without a body, when it has one.</summary>
    private static (MethodDeclarationSyntax Syntax, IMethodSymbol Method)? ImplementationOf(
        MethodDeclarationSyntax syntax, IMethodSymbol method, CancellationToken cancellationToken) =>
        syntax.Body is null && syntax.ExpressionBody is null
        && method.PartialImplementationPart is { } implementation
        && implementation.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax implementationSyntax
            ? (implementationSyntax, implementation)
            : null;

    /// <summary>Syntax levels per operation level: a call nests invocation, argument list and argument.</summary>
    private const int MaxSyntaxDepth = 3 * BodyParser.MaxDepth;

    /// <summary>The first node nested more than <paramref name="limit"/> levels below <paramref name="root"/>, found without recursion.</summary>
    private static SyntaxNode? DeeperThan(SyntaxNode root, int limit)
    {
        var pending = new Stack<(SyntaxNode Node, int Depth)>();
        pending.Push((root, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            if (depth > limit)
            {
                return node;
            }

            foreach (var child in node.ChildNodes())
            {
                // The left operand of a flat sum or product is no deeper: Roslyn and the parser read such chains without recursion.
                var flat = node is BinaryExpressionSyntax binary && child == binary.Left && IsArithmetic(binary) && child is BinaryExpressionSyntax left && IsArithmetic(left);
                pending.Push((child, flat ? depth : depth + 1));
            }
        }

        return null;
    }

    private static bool IsArithmetic(BinaryExpressionSyntax binary) =>
        binary.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression or SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression;

    /// <summary>Code the compiler rejects: an invalid operation, or a conversion that does not exist.</summary>
    private static bool HasErrors(IOperation body) =>
        body.Descendants().Any(o => o is IInvalidOperation
            || (o is IConversionOperation conversion && !conversion.Conversion.Exists)
            || o.Type?.TypeKind == TypeKind.Error);

    /// <summary>Generated code names <c>global::DeZero</c>: the runtime must not be referenced only under an extern alias.</summary>
    private static bool RuntimeIsGlobal(IMethodSymbol method, Compilation compilation)
    {
        var runtime = method.GetAttributes()
            .Select(a => a.AttributeClass)
            .FirstOrDefault(c => c?.ToDisplayString() == Symbols.DifferentiableAttribute)?.ContainingAssembly;
        if (runtime is null || SymbolEqualityComparer.Default.Equals(runtime, compilation.Assembly))
        {
            return true;
        }

        var aliases = compilation.GetMetadataReference(runtime)?.Properties.Aliases ?? default;
        return aliases.IsDefaultOrEmpty || aliases.Contains("global");
    }

    internal static bool HessianRequested(IMethodSymbol method) =>
        method.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == Symbols.DifferentiableAttribute)
            .SelectMany(a => a.NamedArguments)
            .Any(argument => argument.Key == "Hessian" && argument.Value.Value is true);

    private static bool VectorizeRequested(IMethodSymbol method) =>
        method.GetAttributes()
            .Where(a => a.AttributeClass?.ToDisplayString() == Symbols.DifferentiableAttribute)
            .SelectMany(a => a.NamedArguments)
            .Any(argument => argument.Key == "Vectorize" && argument.Value.Value is true);

    private static TypeSpec Describe(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
    {
        var keyword = declaration switch
        {
            RecordDeclarationSyntax record when record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) => "record struct",
            RecordDeclarationSyntax => "record",
            StructDeclarationSyntax => "struct",
            InterfaceDeclarationSyntax => "interface",
            _ => "class",
        };
        return new TypeSpec(keyword, type.Name, type.TypeParameters.Select(t => t.Name).ToEquatableArray(), type.IsStatic);
    }

    /// <summary>The namespace's bare names, dotted; null for the global namespace.</summary>
    private static string? Namespace(INamespaceSymbol symbol)
    {
        var parts = new List<string>();
        for (var current = symbol; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            parts.Insert(0, current.Name);
        }

        return parts.Count == 0 ? null : string.Join(".", parts);
    }

    /// <summary>How C# spells an accessibility.</summary>
    internal static string Accessibility(Microsoft.CodeAnalysis.Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    private static ParseResult Failed(List<DiagnosticInfo> diagnostics) => ParseResult.Failed(diagnostics.ToEquatableArray());
}
