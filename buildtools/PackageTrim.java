import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
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
 * beneath them for every operation of the service (DynamoDB: 57 operations, 1,300 classes), and
 * Stripe's client a service and its parameter classes for every resource (8,800 classes). A
 * function calls a handful. The rest never loads, but it is megabytes of every cold start's
 * download and unzip, and the zip's directory is read whole on every class lookup.
 *
 * <p>What stays is a closure over the class files' constant pools (every class a kept class names,
 * in its class references, descriptors and signatures, or as a string naming a class of the
 * package), from every class outside the trimmed families. Only the edges that lead into an
 * operation nothing calls are cut:
 * <ul>
 * <li>SDK: an operation is called when Kiosk's code, or the SDK's own code outside the service's
 * clients, names its request, response or client method. Of an uncalled operation the request
 * class stays, without what it names: the JVM's verifier loads it (not links it) to check the
 * client's method that takes it, while the response, marshaller, builders, paginators and the
 * shapes only they name go. Each shape a called operation or an error names stays whole.
 * <li>Stripe: a resource service stays when Kiosk's code names it. A parameter class named by a
 * model class's static request helpers (never called: Kiosk goes through StripeClient) stays
 * without its nested classes, for the same verifier.
 * </ul>
 * Everything reached by any other edge stays, so a class some kept code may load stays with it;
 * resources (service files, metadata) all stay. The closure is over names, not methods: a kept
 * class keeps everything it names, reached or not. It prints what it took out.
 */
public final class PackageTrim {

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([\\w/$]+)[;<]");
    private static final Pattern SDK_SERVICE = Pattern.compile(
            "software/amazon/awssdk/services/(.+?)/((?:model|transform|paginators|waiters|endpoints)/.+|[^/]+)");
    private static final Pattern SDK_OP_CLASS = Pattern.compile(
            "(?:model|transform|paginators)/([A-Z][A-Za-z0-9]*?)(Request|Response|RequestMarshaller|Iterable|Publisher)(\\$.*)?");
    private static final String STRIPE = "com/stripe/";

    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private final Map<String, ClassInfo> infos = new HashMap<>();
    /** service -> its operations; service -> the operations something outside its clients names. */
    private final Map<String, Set<String>> operations = new HashMap<>();
    private final Map<String, Set<String>> called = new TreeMap<>();
    private final Set<String> stripeServicesNamed = new HashSet<>();

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
        long before = Files.size(zip);
        Path out = zip.resolveSibling(zip.getFileName() + ".trimmed");
        Map<String, Integer> cut = new TreeMap<>();
        try (ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
            zos.setLevel(Deflater.BEST_COMPRESSION);
            for (Entry file : entries) {
                if (file.className() != null && !kept.contains(file.className())) {
                    cut.merge(family(file.className()), 1, Integer::sum);
                    continue;
                }
                byte[] bytes = file.bytes();
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

    /** For the summary: the service or Stripe package a taken-out (so trimmable) class is of. */
    private static String family(String className) {
        Matcher sdk = SDK_SERVICE.matcher(className);
        return sdk.matches() ? sdk.group(1) : "stripe " + className.split("/")[2];
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
        // What names an operation or a Stripe service: Kiosk's code, and the SDK's own code outside
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
                if (from.startsWith("kiosk/") && ref.startsWith(STRIPE + "service/")) {
                    stripeServicesNamed.add(outer(ref));
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
        // Why a class stays: PACKAGE_TRIM_WHY=com/stripe/model/Account prints the chain that reached it.
        String why = System.getenv("PACKAGE_TRIM_WHY");
        if (why != null) {
            for (String c = why; c != null; c = via.get(c)) {
                System.out.println("  reached from " + c + (kept.contains(c) ? "" : " (taken out)"));
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
        if (to.startsWith(STRIPE + "service/") && !stripeServicesNamed.contains(outer(to))
                && !outer(from).equals(outer(to))) {
            return Edge.CUT;
        }
        if (to.startsWith(STRIPE + "param/") && from.startsWith(STRIPE + "model/")) {
            return Edge.ALONE;
        }
        return Edge.WHOLE;
    }

    /** The families this trims: SDK service shapes, marshallers, paginators; Stripe's services and parameters. */
    private static boolean trimmable(String name) {
        Matcher sdk = SDK_SERVICE.matcher(name);
        if (sdk.matches()) {
            return sdk.group(2).startsWith("model/") || sdk.group(2).startsWith("transform/")
                    || sdk.group(2).startsWith("paginators/");
        }
        return name.startsWith(STRIPE + "service/") || name.startsWith(STRIPE + "param/");
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

    private static String outer(String name) {
        int dollar = name.indexOf('$');
        return dollar < 0 ? name : name.substring(0, dollar);
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
