// Does nothing: its time is process creation plus the dynamic loader for what it links.
int main()
{
    return 0;
}
