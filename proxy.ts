// Sends anonymous users on work URLs to the sign-in page and keeps active sessions rolling (idle timeout).
// Never the only guard: every page, action and route re-checks the session and scope in lib/dal.
import { NextResponse } from "next/server";
import { auth } from "@/lib/auth/config";

export const proxy = auth((req) => {
  if (!req.auth) {
    const url = req.nextUrl.clone();
    url.pathname = "/login";
    url.search = "";
    return NextResponse.redirect(url);
  }
  return NextResponse.next();
});

export const config = {
  matcher: ["/fill/:path*", "/review/:path*", "/county/:path*", "/admin/:path*", "/account/:path*"],
};
