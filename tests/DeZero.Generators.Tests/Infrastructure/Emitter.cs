using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;

namespace DeZero.Generators.Tests.Infrastructure;

/// <summary>Emits a compilation and loads it into a collectible <see cref="AssemblyLoadContext"/>.</summary>
internal static class Emitter
{
    /// <summary>
    /// Emits <paramref name="compilation"/> and loads it. It must have no errors, and no warnings in the
    /// trees not listed in <paramref name="userTrees"/> (generated code must build with warnings as errors).
    /// </summary>
    public static LoadedAssembly Load(Compilation compilation, IEnumerable<SyntaxTree>? userTrees = null)
    {
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20);
            throw new Xunit.Sdk.XunitException("Emit failed:\n" + string.Join("\n", errors));
        }

        if (userTrees is not null)
        {
            var user = userTrees.ToHashSet();
            var warnings = emitted.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree is { } tree && !user.Contains(tree))
                .Take(20)
                .ToArray();
            if (warnings.Length > 0)
            {
                throw new Xunit.Sdk.XunitException("Generated code has warnings (errors for a user with TreatWarningsAsErrors):\n"
                    + string.Join("\n", warnings.Select(w => $"{w}\n      at: {w.Location.SourceTree!.GetText().Lines[w.Location.GetLineSpan().StartLinePosition.Line].ToString().Trim()}")));
            }
        }

        image.Position = 0;
        var context = new SharedRuntimeLoadContext();
        try
        {
            return new LoadedAssembly(context, context.LoadFromStream(image));
        }
        catch
        {
            context.Unload();
            throw;
        }
    }

    /// <summary>
    /// Resolves DeZero and System.Numerics.Tensors from the default context, so a <c>Variable</c> the
    /// test creates is the very type the loaded code takes; everything else falls back to default too.
    /// </summary>
    private sealed class SharedRuntimeLoadContext() : AssemblyLoadContext("DeZero.Generators.Tests.Emitted", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            assemblyName.Name is "DeZero" or "System.Numerics.Tensors"
                ? Default.LoadFromAssemblyName(assemblyName)
                : null;
    }
}

/// <summary>An emitted assembly; invokes its static methods by reflection and unloads on dispose.</summary>
internal sealed class LoadedAssembly(AssemblyLoadContext context, Assembly assembly) : IDisposable
{
    public Assembly Assembly { get; } = assembly;

    /// <summary>A type by metadata name (<c>Ns.Ops</c>, nested <c>Ns.Outer+Inner</c>).</summary>
    public Type Type(string typeName) =>
        Assembly.GetType(typeName, throwOnError: false)
        ?? throw new Xunit.Sdk.XunitException(
            $"No type {typeName} in the emitted assembly; it has: {string.Join(", ", Assembly.GetTypes().Select(t => t.FullName))}");

    /// <summary>The static method whose parameter types match the runtime types of <paramref name="args"/> exactly.</summary>
    public MethodInfo Method(string typeName, string methodName, params Type[] parameterTypes) =>
        Type(typeName).GetMethod(methodName, BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, parameterTypes)
        ?? throw new Xunit.Sdk.XunitException(
            $"No static {typeName}.{methodName}({string.Join(", ", parameterTypes.Select(t => t.Name))}); the type has: "
            + string.Join(", ", Type(typeName).GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.DeclaredOnly)
                .Select(m => $"{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})")));

    /// <summary>Invokes a static method chosen by the runtime types of the arguments (no nulls).</summary>
    public T Invoke<T>(string typeName, string methodName, params object[] args)
    {
        var method = Method(typeName, methodName, [.. args.Select(a => a.GetType())]);
        try
        {
            return (T)method.Invoke(null, args)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>A <c>…WithGradient</c> result as an array: the value, then each partial.</summary>
    public double[] InvokeTuple(string typeName, string methodName, params object[] args) =>
        Elements(Invoke<object>(typeName, methodName, args));

    /// <summary>A fast delegate for a static method, for tests that call it thousands of times.</summary>
    public TDelegate Delegate<TDelegate>(string typeName, string methodName, params Type[] parameterTypes)
        where TDelegate : Delegate =>
        Method(typeName, methodName, parameterTypes).CreateDelegate<TDelegate>();

    /// <summary>The elements of a value tuple, read through <see cref="ITuple"/>.</summary>
    public static double[] Elements(object tuple)
    {
        var t = tuple as ITuple ?? throw new Xunit.Sdk.XunitException($"Not a tuple: {tuple.GetType()}");
        var result = new double[t.Length];
        for (var i = 0; i < t.Length; i++)
        {
            result[i] = (double)t[i]!;
        }

        return result;
    }

    public void Dispose() => context.Unload();
}
