import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Takes out of a function's package the classes of the operations its code never calls, in place:
 * {@code java buildtools/PackageTrim.java target/catalog.zip [more.zip ...]} (run by each function
 * module after the shade plugin has written its zip; issue 17 budgets a package at 9 MB).
 *
 * <p>An SDK service module ships a request, a response, a marshaller, builders and the shapes
 * beneath them for every operation of the service (DynamoDB: 57 operations, 1,300 classes). A
 * function calls a handful. The rest never loads, but it is megabytes of every cold start's
 * download and unzip, and the zip's directory is read whole on every class lookup.
 *
 * <p>What stays is a closure over the class files' constant pools (every class a kept class names,
 * in its class references, descriptors and signatures, or as a string naming a class of the
 * package), from every class outside the trimmed families. Only the edges that lead into an
 * operation nothing calls are cut:
 * An operation is called when Kiosk's code, or the SDK's own code outside the service's clients,
 * names its request, response or client method. Of an uncalled operation the request class stays
 * as a stub, its name, superclass and interfaces and nothing else: the JVM's verifier loads it (not
 * links it) to check the client's method that takes it, and asks only where it sits in the class
 * hierarchy. Its members, response, marshaller, builders, paginators and the shapes only they name
 * go. Each shape a called operation or an error names stays whole.
 *
 * <p>Everything reached by any other edge stays, so a class some kept code may load stays with it;
 * resources (service files, metadata) all stay. The closure is over names, not methods: a kept
 * class keeps everything it names, reached or not.
 *
 * <p>Of the classes that stay, those not Kiosk's own lose their local-variable tables: names of
 * locals for a debugger stepping through the SDK or Jackson, a sixth of their bytes. Line numbers
 * (stack traces), parameter names and generic signatures (reflection) stay. It prints what it took
 * out.
 */
public final class PackageTrim {

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");
    private static final Pattern SDK_SERVICE = Pattern.compile(
            "software/amazon/awssdk/services/(.+?)/((?:model|transform|paginators|waiters|endpoints)/.+|[^/]+)");
    private static final Pattern SDK_OP_CLASS = Pattern.compile(
            "(?:model|transform|paginators)/([A-Z][A-Za-z0-9]*?)(Request|Response|RequestMarshaller|Iterable|Publisher)(\\$.*)?");

    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private final Map<String, ClassInfo> infos = new HashMap<>();
    /** service -> its operations; service -> the operations something outside its clients names. */
    private final Map<String, Set<String>> operations = new HashMap<>();
    private final Map<String, Set<String>> called = new TreeMap<>();
    /** Kept for the verifier only: written as stubs. */
    private final Set<String> stubs = new HashSet<>();

    /** The package's classes it names, its superclass and interfaces, and the methods it calls (owner.name). */
    record ClassInfo(Set<String> refs, List<String> supers, Set<String> calls) {}

    /** A file of the zip; className null for a resource. */
    record Entry(String name, long time, byte[] bytes, String className) {}

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: java PackageTrim.java package.zip [package.zip ...]");
            System.exit(2);
        }
        for (String arg : args) {
            trim(Path.of(arg));
        }
    }

    static void trim(Path zip) throws IOException {
        PackageTrim trim = new PackageTrim();
        List<Entry> entries = new ArrayList<>();
        try (ZipFile in = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                if (entry.isDirectory()) {
                    // Unzip makes the folders a file needs, and class loading never asks for one:
                    // a directory entry is 150-200 bytes of headers for nothing, hundreds of times.
                    continue;
                }
                byte[] bytes;
                try (InputStream stream = in.getInputStream(entry)) {
                    bytes = stream.readAllBytes();
                }
                String name = entry.getName();
                String className = name.endsWith(".class") && !name.startsWith("META-INF/")
                        ? name.substring(0, name.length() - ".class".length()) : null;
                if (className != null) {
                    trim.classes.put(className, bytes);
                }
                entries.add(new Entry(name, entry.getTime(), bytes, className));
            }
        }
        Set<String> kept = trim.keep();
        byte[] originals = entries.stream().filter(e -> e.name().equals(ORIGINALS)).map(Entry::bytes).findFirst()
                .orElseGet(() -> originals(entries, kept));
        long before = Files.size(zip);
        Path out = zip.resolveSibling(zip.getFileName() + ".trimmed");
        Map<String, Integer> cut = new TreeMap<>();
        try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
            zos.setLevel(Deflater.BEST_COMPRESSION);
            List<Entry> written = new ArrayList<>(entries);
            written.removeIf(e -> e.name().equals(ORIGINALS));
            written.add(new Entry(ORIGINALS, entries.get(0).time(), originals, null));
            for (Entry file : written) {
                if (file.className() != null && !kept.contains(file.className())) {
                    cut.merge(family(file.className()), 1, Integer::sum);
                    continue;
                }
                byte[] bytes = file.className() == null || file.className().startsWith("kiosk/") ? file.bytes()
                        : trim.stubs.contains(file.className()) ? stub(file.bytes()) : ClassFile.withoutLocals(file.bytes());
                ZipEntry entry = new ZipEntry(file.name());
                entry.setTime(file.time());
                // Sizes and CRC known up front: no 16-byte data descriptor after each of thousands of entries.
                CRC32 crc = new CRC32();
                crc.update(bytes);
                entry.setCrc(crc.getValue());
                entry.setSize(bytes.length);
                entry.setCompressedSize(deflatedSize(bytes));
                zos.putNextEntry(entry);
                zos.write(bytes);
                zos.closeEntry();
            }
        }
        Files.move(out, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.printf("%s: %,d -> %,d bytes, %,d -> %,d classes; taken out: %s%n", zip.getFileName(), before,
                Files.size(zip), trim.classes.size(), kept.size(), cut);
    }

    /**
     * What the kept classes of each library were before this rewrote them: per root (the first three
     * segments of a class name, such as software/amazon/awssdk), a SHA-256 over each class's name,
     * CRC-32 and size as the shade plugin wrote it. The local runtime lends a package the classes of
     * a library it holds itself (kiosk.local.function.SharedLibraries) only when they are the same
     * build; this says so of a rewritten package without the original bytes.
     */
    static final String ORIGINALS = "META-INF/kiosk/originals";

    private static byte[] originals(List<Entry> entries, Set<String> kept) {
        Map<String, List<String>> lines = new TreeMap<>();
        for (Entry file : entries) {
            String name = file.className();
            if (name == null || name.startsWith("kiosk/") || !kept.contains(name)) {
                continue;
            }
            CRC32 crc = new CRC32();
            crc.update(file.bytes());
            lines.computeIfAbsent(root(file.name()), r -> new ArrayList<>())
                    .add(file.name() + " " + Long.toHexString(crc.getValue() << 32 ^ file.bytes().length) + "\n");
        }
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, List<String>> root : lines.entrySet()) {
            out.append(root.getKey()).append(' ').append(sha256(root.getValue())).append('\n');
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The library a class file belongs to, for {@link #ORIGINALS}: its first three path segments. */
    static String root(String entryName) {
        String[] parts = entryName.split("/");
        return String.join("/", java.util.Arrays.copyOf(parts, Math.min(3, parts.length - 1)));
    }

    /** SHA-256 (hex) over the lines in name order: how the local runtime fingerprints the same classes. */
    static String sha256(List<String> lines) {
        try {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            lines.stream().sorted().forEach(line -> digest.update(line.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long deflatedSize(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                deflater.deflate(buffer);
            }
            return deflater.getBytesWritten();
        } finally {
            deflater.end();
        }
    }

    /** For the summary: the service a taken-out (so trimmable) class is of. */
    private static String family(String className) {
        Matcher sdk = SDK_SERVICE.matcher(className);
        return sdk.matches() ? sdk.group(1) : className;
    }

    private Set<String> keep() {
        for (Map.Entry<String, byte[]> c : classes.entrySet()) {
            infos.put(c.getKey(), parse(c.getValue()));
        }
        for (String name : classes.keySet()) {
            Matcher sdk = SDK_SERVICE.matcher(name);
            // An operation's input: model/XRequest extending the service's own request type
            // (DynamoDbRequest, DynamoDbStreamsRequest), which stays even when X is taken out.
            List<String> supers = infos.get(name).supers;
            if (sdk.matches() && sdk.group(2).matches("model/[A-Za-z0-9]+Request") && !supers.isEmpty()
                    && supers.get(0).matches(".*/model/[A-Za-z0-9]+Request")) {
                String op = name.substring(name.lastIndexOf('/') + 1, name.length() - "Request".length());
                operations.computeIfAbsent(service(sdk), s -> new HashSet<>()).add(op);
            }
        }
        // What names an operation: Kiosk's code, and the SDK's own code outside
        // the trimmed families and the service's clients (DynamoDB's endpoint discovery calls
        // DescribeEndpoints itself, for one).
        for (Map.Entry<String, ClassInfo> c : infos.entrySet()) {
            String from = c.getKey();
            if (trimmable(from) || isClient(from) || isOperationDispatch(from)) {
                continue;
            }
            for (String ref : c.getValue().refs) {
                String[] op = operationOf(ref);
                if (op != null) {
                    called.computeIfAbsent(op[0], s -> new TreeSet<>()).add(op[1]);
                }
            }
            if (from.startsWith("kiosk/")) {
                // A client method named after an operation: client.getItem(b -> ...), client.queryPaginator(...).
                for (String call : c.getValue().calls) {
                    String owner = call.substring(0, call.indexOf('.'));
                    Matcher sdk = SDK_SERVICE.matcher(owner);
                    if (sdk.matches() && isClient(owner)) {
                        String method = call.substring(call.indexOf('.') + 1).replaceFirst("Paginator$", "");
                        String op = Character.toUpperCase(method.charAt(0)) + method.substring(1);
                        if (operations.getOrDefault(service(sdk), Set.of()).contains(op)) {
                            called.computeIfAbsent(service(sdk), s -> new TreeSet<>()).add(op);
                        }
                    }
                }
            }
        }

        System.out.println("  operations called: " + called);
        Set<String> kept = new HashSet<>();
        Set<String> whole = new HashSet<>();
        Map<String, String> via = new HashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        for (String name : classes.keySet()) {
            if (!trimmable(name)) {
                queue.add(name);
            }
        }
        while (!queue.isEmpty()) {
            String from = queue.poll();
            if (!whole.add(from)) {
                continue;
            }
            kept.add(from);
            for (String ref : infos.get(from).refs) {
                if (whole.contains(ref)) {
                    continue;
                }
                switch (edge(from, ref)) {
                    case WHOLE -> {
                        via.putIfAbsent(ref, from);
                        queue.add(ref);
                    }
                    case ALONE -> {
                        if (kept.add(ref)) {
                            // Loading a class loads its superclass and interfaces.
                            queue.addAll(infos.get(ref).supers);
                        }
                    }
                    case CUT -> { }
                }
            }
        }
        // Why a class stays: PACKAGE_TRIM_WHY=software/amazon/awssdk/services/sqs/model/Message prints the chain that reached it.
        String why = System.getenv("PACKAGE_TRIM_WHY");
        if (why != null) {
            for (String c = why; c != null; c = via.get(c)) {
                System.out.println("  reached from " + c + (kept.contains(c) ? "" : " (taken out)"));
            }
        }
        for (String name : kept) {
            if (!whole.contains(name)) {
                stubs.add(name);
            }
        }
        return kept;
    }

    enum Edge { WHOLE, ALONE, CUT }

    private Edge edge(String from, String to) {
        String[] op = operationOf(to);
        if (op != null && !called.getOrDefault(op[0], Set.of()).contains(op[1])) {
            boolean request = to.endsWith("/model/" + op[1] + "Request");
            return request ? Edge.ALONE : Edge.CUT;
        }
        return Edge.WHOLE;
    }

    /** The families this trims: SDK service shapes, marshallers, paginators. */
    private static boolean trimmable(String name) {
        Matcher sdk = SDK_SERVICE.matcher(name);
        return sdk.matches() && (sdk.group(2).startsWith("model/") || sdk.group(2).startsWith("transform/")
                || sdk.group(2).startsWith("paginators/"));
    }

    /** A service's client interfaces and their implementations, which name every operation. */
    private static boolean isClient(String name) {
        Matcher sdk = SDK_SERVICE.matcher(name);
        return sdk.matches() && sdk.group(2).matches("(Default)?[A-Za-z0-9]+(Async)?Client");
    }

    /**
     * Code with a case for every operation, run only for the operation being called: the endpoint
     * rules' per-operation parameters (DynamoDB's ResourceArn, from each request's table name) and
     * the waiters (client.waiter() polls DescribeTable and the like) and SQS's batch manager (on the
     * async client only). Kiosk uses neither.
     */
    private static boolean isOperationDispatch(String name) {
        return name.matches("software/amazon/awssdk/services/.+/(endpoints/internal|waiters|(internal/)?batchmanager)/.+");
    }

    /** {service, operation} when the class belongs to one operation of an SDK service, else null. */
    private String[] operationOf(String name) {
        Matcher sdk = SDK_SERVICE.matcher(name);
        if (!sdk.matches()) {
            return null;
        }
        Matcher op = SDK_OP_CLASS.matcher(sdk.group(2));
        if (!op.matches() || !operations.getOrDefault(service(sdk), Set.of()).contains(op.group(1))) {
            return null;
        }
        return new String[] {service(sdk), op.group(1)};
    }

    /**
     * The service whose model a class shares: DynamoDB Streams' client (services/dynamodb/streams)
     * keeps its shapes in DynamoDB's model package.
     */
    private static String service(Matcher sdk) {
        String path = sdk.group(1);
        return path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
    }

    /**
     * A class reduced to where it sits in the hierarchy: its name, access flags, superclass and
     * interfaces; no fields, methods or attributes. What the verifier asks of a class it only
     * checks assignments against; any other use fails loudly (NoSuchMethodError), as the cut
     * builders it names would (NoClassDefFoundError).
     */
    static byte[] stub(byte[] original) {
        ClassFile file = new ClassFile(original);
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            out.writeInt(0xCAFEBABE);
            out.writeShort(file.u2(4));
            out.writeShort(file.u2(6));
            List<String> names = new ArrayList<>();
            names.add(file.className(file.thisIndex()));
            names.add(file.className(file.superIndex()));
            for (int i = 0; i < file.interfaceCount(); i++) {
                names.add(file.className(file.u2(file.afterPool + 8 + 2 * i)));
            }
            out.writeShort(1 + 2 * names.size());
            for (String name : names) {
                out.writeByte(1);
                out.writeUTF(name);
            }
            for (int i = 0; i < names.size(); i++) {
                out.writeByte(7);
                out.writeShort(1 + i);
            }
            out.writeShort(file.u2(file.afterPool));
            int firstClass = 1 + names.size();
            out.writeShort(firstClass);
            out.writeShort(firstClass + 1);
            out.writeShort(names.size() - 2);
            for (int i = 2; i < names.size(); i++) {
                out.writeShort(firstClass + i);
            }
            out.writeShort(0);
            out.writeShort(0);
            out.writeShort(0);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Just enough of the class file format to copy a class with some attributes left out. */
    static final class ClassFile {

        private static final Set<String> LOCALS = Set.of("LocalVariableTable", "LocalVariableTypeTable");

        private final byte[] b;
        private final String[] utf8;
        private final int[] classNameIndex;
        /** Where the access flags start, after the constant pool. */
        final int afterPool;

        ClassFile(byte[] bytes) {
            this.b = bytes;
            int count = u2(8);
            utf8 = new String[count];
            classNameIndex = new int[count];
            int p = 10;
            for (int i = 1; i < count; i++) {
                int tag = b[p] & 0xff;
                switch (tag) {
                    case 1 -> {
                        int length = u2(p + 1);
                        try {
                            utf8[i] = new DataInputStream(new ByteArrayInputStream(b, p + 1, length + 2)).readUTF();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        p += 3 + length;
                    }
                    case 7 -> {
                        classNameIndex[i] = u2(p + 1);
                        p += 3;
                    }
                    case 8, 16, 19, 20 -> p += 3;
                    case 3, 4, 9, 10, 11, 12, 17, 18 -> p += 5;
                    case 5, 6 -> {
                        p += 9;
                        i++;
                    }
                    case 15 -> p += 4;
                    default -> throw new IllegalArgumentException("unknown constant pool tag " + tag);
                }
            }
            afterPool = p;
        }

        int u2(int at) {
            return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
        }

        int u4(int at) {
            return (u2(at) << 16) | u2(at + 2);
        }

        int thisIndex() {
            return u2(afterPool + 2);
        }

        int superIndex() {
            return u2(afterPool + 4);
        }

        int interfaceCount() {
            return u2(afterPool + 6);
        }

        String className(int index) {
            return utf8[classNameIndex[index]];
        }

        /** The class with its methods' local-variable tables left out; all else byte for byte. */
        static byte[] withoutLocals(byte[] original) {
            ClassFile file = new ClassFile(original);
            ByteArrayOutputStream out = new ByteArrayOutputStream(original.length);
            int p = file.afterPool + 8 + 2 * file.interfaceCount();
            out.write(original, 0, p);
            for (int members = 0; members < 2; members++) {
                int count = file.u2(p);
                out.write(original, p, 2);
                p += 2;
                for (int m = 0; m < count; m++) {
                    out.write(original, p, 6);
                    p = file.copyAttributes(p + 6, out, members == 1);
                }
            }
            p = file.copyAttributes(p, out, false);
            if (p != original.length) {
                throw new IllegalArgumentException("class file has " + (original.length - p) + " bytes past its end");
            }
            return out.toByteArray();
        }

        /** Copies an attribute list at p, each Code attribute without LOCALS when code; returns where it ends. */
        private int copyAttributes(int p, ByteArrayOutputStream out, boolean code) {
            int count = u2(p);
            p += 2;
            List<byte[]> kept = new ArrayList<>();
            for (int a = 0; a < count; a++) {
                String name = utf8[u2(p)];
                int length = u4(p + 2);
                int end = p + 6 + length;
                if (code && name.equals("Code")) {
                    ByteArrayOutputStream body = new ByteArrayOutputStream(length);
                    int q = p + 6 + 8 + u4(p + 6 + 4);
                    q += 2 + 8 * u2(q);
                    body.write(b, p + 6, q - (p + 6));
                    int innerEnd = copyWithout(q, body);
                    if (innerEnd != end) {
                        throw new IllegalArgumentException("a Code attribute's length does not match its contents");
                    }
                    byte[] rewritten = body.toByteArray();
                    byte[] attribute = new byte[6 + rewritten.length];
                    System.arraycopy(b, p, attribute, 0, 2);
                    int n = rewritten.length;
                    attribute[2] = (byte) (n >>> 24);
                    attribute[3] = (byte) (n >>> 16);
                    attribute[4] = (byte) (n >>> 8);
                    attribute[5] = (byte) n;
                    System.arraycopy(rewritten, 0, attribute, 6, n);
                    kept.add(attribute);
                } else {
                    byte[] attribute = new byte[end - p];
                    System.arraycopy(b, p, attribute, 0, attribute.length);
                    kept.add(attribute);
                }
                p = end;
            }
            out.write(count >>> 8);
            out.write(count);
            kept.forEach(out::writeBytes);
            return p;
        }

        /** A Code attribute's own attribute list, without LOCALS. */
        private int copyWithout(int p, ByteArrayOutputStream out) {
            int count = u2(p);
            p += 2;
            ByteArrayOutputStream kept = new ByteArrayOutputStream();
            int keptCount = 0;
            for (int a = 0; a < count; a++) {
                int end = p + 6 + u4(p + 2);
                if (!LOCALS.contains(utf8[u2(p)])) {
                    kept.write(b, p, end - p);
                    keptCount++;
                }
                p = end;
            }
            out.write(keptCount >>> 8);
            out.write(keptCount);
            out.writeBytes(kept.toByteArray());
            return p;
        }
    }

    /** The classes of this package a class file names, and its superclass and interfaces. */
    private ClassInfo parse(byte[] bytes) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
            in.readInt();
            in.readUnsignedShort();
            in.readUnsignedShort();
            int count = in.readUnsignedShort();
            String[] utf8 = new String[count];
            int[] classIndex = new int[count];
            int[] refClass = new int[count];
            int[] refNameAndType = new int[count];
            int[] nameOf = new int[count];
            for (int i = 1; i < count; i++) {
                int tag = in.readUnsignedByte();
                switch (tag) {
                    case 1 -> utf8[i] = in.readUTF();
                    case 7 -> classIndex[i] = in.readUnsignedShort();
                    case 8, 16, 19, 20 -> in.readUnsignedShort();
                    case 10, 11 -> {
                        refClass[i] = in.readUnsignedShort();
                        refNameAndType[i] = in.readUnsignedShort();
                    }
                    case 12 -> {
                        nameOf[i] = in.readUnsignedShort();
                        in.readUnsignedShort();
                    }
                    case 3, 4, 9, 17, 18 -> in.readInt();
                    case 5, 6 -> {
                        in.readLong();
                        i++;
                    }
                    case 15 -> {
                        in.readUnsignedByte();
                        in.readUnsignedShort();
                    }
                    default -> throw new IOException("unknown constant pool tag " + tag);
                }
            }
            Set<String> refs = new HashSet<>();
            Set<String> calls = new HashSet<>();
            for (int i = 1; i < count; i++) {
                if (refClass[i] != 0) {
                    calls.add(utf8[classIndex[refClass[i]]] + "." + utf8[nameOf[refNameAndType[i]]]);
                }
                if (classIndex[i] != 0) {
                    addName(refs, utf8[classIndex[i]]);
                }
                if (utf8[i] != null) {
                    String s = utf8[i];
                    addName(refs, s);
                    addName(refs, s.replace('.', '/'));
                    if (s.indexOf('L') >= 0) {
                        Matcher m = DESCRIPTOR_CLASS.matcher(s);
                        while (m.find()) {
                            addName(refs, m.group(1));
                        }
                    }
                }
            }
            in.readUnsignedShort();
            in.readUnsignedShort();
            List<String> supers = new ArrayList<>();
            int superIndex = in.readUnsignedShort();
            if (superIndex != 0 && classes.containsKey(utf8[classIndex[superIndex]])) {
                supers.add(utf8[classIndex[superIndex]]);
            }
            int interfaces = in.readUnsignedShort();
            for (int i = 0; i < interfaces; i++) {
                String name = utf8[classIndex[in.readUnsignedShort()]];
                if (classes.containsKey(name)) {
                    supers.add(name);
                }
            }
            return new ClassInfo(refs, supers, calls);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void addName(Set<String> refs, String name) {
        String plain = name.startsWith("[") ? name.replaceAll("^\\[+L?", "").replaceAll(";$", "") : name;
        if (classes.containsKey(plain)) {
            refs.add(plain);
        }
    }
}
