fn main() {
    briefing::app::start();
}
