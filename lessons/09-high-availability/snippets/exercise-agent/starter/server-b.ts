import { serve } from "./server";

await serve("server-b", "tcp://127.0.0.1:5556");
